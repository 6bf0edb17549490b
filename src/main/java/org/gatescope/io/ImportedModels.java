package org.gatescope.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;
import org.gatescope.engine.Network;
import org.gatescope.io.keras.KerasFile;
import org.gatescope.io.keras.KerasNetworks;
import org.gatescope.io.onnx.OnnxNetworks;
import org.gatescope.io.torch.TorchNetworks;
import org.gatescope.text.FrameworkTokenizer;

/**
 * Opens any model file GateScope reads as a {@link Network}: its own safetensors, PyTorch
 * state dicts ({@code .pt}, {@code .pth}, {@code .bin}), Keras ({@code .h5}, {@code .keras}) and
 * ONNX ({@code .onnx}). The kind is told by the file's first bytes where it can be, by its name
 * otherwise, so a model saved under an unusual name still opens.
 */
public final class ImportedModels {

    /** The kinds of model file, as {@code info} names them. */
    public enum Format { GATESCOPE, PYTORCH, KERAS_H5, KERAS_ARCHIVE, ONNX }

    private ImportedModels() {
    }

    /**
     * @param vocabularyFile a vocabulary beside the model (Keras tokenizer JSON, {token: id}, token list,
     *                       vocab.txt), or null
     */
    public static Network read(Path path, Path vocabularyFile) throws ModelFileException {
        return read(path, vocabularyFile, Network.Activation.LINEAR);
    }

    /**
     * As {@link #read(Path, Path)}, with the activation of a PyTorch state dict's last Linear layer, which
     * the file cannot record (other formats record their own and ignore it).
     */
    public static Network read(Path path, Path vocabularyFile, Network.Activation torchHead) throws ModelFileException {
        FrameworkTokenizer tokenizer = vocabularyFile == null ? null : VocabularyFiles.read(vocabularyFile);
        List<String> vocabulary = tokenizer == null ? List.of() : tokenizer.tokens().stream()
                .map(t -> t == null ? "" : t).toList();
        Network network = switch (format(path)) {
            case GATESCOPE -> {
                SafeTensorsFile file = SafeTensors.read(path);
                yield NetworkFiles.isNetworkFile(file) ? NetworkFiles.read(path, file) : Network.of(ModelFiles.read(path));
            }
            case PYTORCH -> TorchNetworks.build(path, org.gatescope.io.torch.TorchCheckpoint.read(path), vocabulary,
                    torchHead);
            case KERAS_H5, KERAS_ARCHIVE -> KerasNetworks.build(path, KerasFile.read(path), vocabulary);
            case ONNX -> OnnxNetworks.build(path, org.gatescope.io.onnx.OnnxFile.read(path), vocabulary);
        };
        if (tokenizer != null && network.inputKind() != Network.InputKind.FEATURES
                && tokenizer.size() > network.inputSize()) {
            throw new ModelFileException(vocabularyFile, "has ids up to " + (tokenizer.size() - 1) + " but the model reads "
                    + network.inputSize() + (network.inputKind() == Network.InputKind.TOKEN_IDS ? " embedding rows"
                    : " one-hot positions") + " (0 to " + (network.inputSize() - 1) + "): it is not this model's vocabulary");
        }
        return network;
    }

    /** What kind of model file {@code path} is; refuses what is none of them. */
    public static Format format(Path path) throws ModelFileException {
        if (Files.isDirectory(path)) {
            throw new ModelFileException(path, "is a directory, not a model file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(16);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(path, "file not found", e);
        } catch (IOException e) {
            throw new ModelFileException(path, "cannot read: " + IoErrors.reason(e), e);
        }
        if (head.length == 0) {
            throw new ModelFileException(path, "is empty (0 bytes)");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (head.length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'H' && head[2] == 'D' && head[3] == 'F') {
            return Format.KERAS_H5;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K') {
            return zipFormat(path);
        }
        if (head.length >= 9 && head[8] == '{') {
            return Format.GATESCOPE;
        }
        if (name.endsWith(".onnx")) {
            return Format.ONNX;
        }
        if (name.endsWith(".pt") || name.endsWith(".pth") || name.endsWith(".bin")) {
            return Format.PYTORCH; // the legacy, pre-zip torch.save format
        }
        if (name.endsWith(".safetensors")) {
            return Format.GATESCOPE;
        }
        throw new ModelFileException(path, "is not a model file GateScope reads (safetensors, PyTorch .pt/.pth/.bin,"
                + " Keras .h5/.keras, ONNX .onnx)");
    }

    private static Format zipFormat(Path path) throws ModelFileException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            if (zip.getEntry("config.json") != null && zip.getEntry("model.weights.h5") != null) {
                return Format.KERAS_ARCHIVE;
            }
            return Format.PYTORCH;
        } catch (IOException e) {
            throw new ModelFileException(path, "is not a readable zip archive: " + IoErrors.reason(e), e);
        }
    }
}
