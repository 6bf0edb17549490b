package org.gatescope.io.torch;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.gatescope.io.BoundedZip;
import org.gatescope.io.DType;
import org.gatescope.io.IoErrors;
import org.gatescope.io.ModelFileException;
import org.gatescope.io.Tensor;
import org.gatescope.io.torch.RestrictedUnpickler.PickleException;
import org.gatescope.io.torch.RestrictedUnpickler.StorageRef;
import org.gatescope.io.torch.RestrictedUnpickler.TensorRef;
import org.gatescope.io.torch.RestrictedUnpickler.Tuple;

/**
 * Reads the tensors of a {@code torch.save(model.state_dict(), "model.pt")} file: the zip archive
 * PyTorch writes since 1.6 ({@code <name>/data.pkl} and one raw entry per storage under
 * {@code <name>/data/}) and the older single-stream format. The pickle goes through
 * {@link RestrictedUnpickler}, so only tensors, storages and dictionaries are ever built.
 *
 * <p>Every size the file declares is checked against the bytes it holds before anything is
 * allocated; tensors come back contiguous, row-major and widened to double, in the file's order,
 * under their state-dict names (nested dicts joined with dots).
 */
public final class TorchCheckpoint {

    /** Larger than any recurrent model people open here, small enough to refuse a zip bomb. */
    static final long MAX_STORAGE_BYTES = 2L * 1024 * 1024 * 1024 - 64;
    static final long MAX_PICKLE_BYTES = 64L * 1024 * 1024;
    /** PyTorch's legacy format starts with this number, pickled. */
    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);

    private TorchCheckpoint() {
    }

    /** The state dict's tensors by name, in file order. */
    public static Map<String, Tensor> read(Path path) throws ModelFileException {
        if (Files.isDirectory(path)) {
            throw new ModelFileException(path, "is a directory, not a model file");
        }
        try {
            if (Files.size(path) == 0) {
                throw new ModelFileException(path, "is empty (0 bytes)");
            }
            return isZip(path) ? readZip(path) : readLegacy(path);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(path, "file not found", e);
        } catch (PickleException e) {
            throw new ModelFileException(path, e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelFileException(path, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    private static boolean isZip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    private static Map<String, Tensor> readZip(Path path) throws IOException, ModelFileException, PickleException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry pickle = dataPickle(path, zip);
            String prefix = pickle.getName().substring(0, pickle.getName().length() - "data.pkl".length());
            ByteOrder order = byteOrder(path, zip, prefix);
            Map<String, ByteBuffer> storages = new HashMap<>();
            RestrictedUnpickler.PersistentLoader loader = id -> storage(id, 5, 4);
            ByteBuffer pickleBytes = ByteBuffer.wrap(BoundedZip.read(path, zip, pickle, MAX_PICKLE_BYTES));
            Object root = RestrictedUnpickler.load(pickleBytes, loader).value();
            Map<String, TensorRef> refs = tensors(path, root);
            for (TensorRef ref : refs.values()) {
                String key = ref.storage().key();
                if (!storages.containsKey(key)) {
                    ZipEntry entry = zip.getEntry(prefix + "data/" + key);
                    if (entry == null) {
                        throw new ModelFileException(path, "has no storage entry " + prefix + "data/" + key);
                    }
                    storages.put(key, ByteBuffer.wrap(BoundedZip.read(path, zip, entry, MAX_STORAGE_BYTES)).order(order));
                }
            }
            return materialise(path, refs, storages);
        } catch (ZipException e) {
            throw new ModelFileException(path, "is not a readable zip archive: " + e.getMessage(), e);
        }
    }

    private static ZipEntry dataPickle(Path path, ZipFile zip) throws ModelFileException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (name.equals("data.pkl") || (name.endsWith("/data.pkl") && name.indexOf('/') == name.lastIndexOf('/'))) {
                return entry;
            }
        }
        throw new ModelFileException(path, "is a zip archive without data.pkl, so not a PyTorch checkpoint");
    }

    private static ByteOrder byteOrder(Path path, ZipFile zip, String prefix) throws IOException, ModelFileException {
        ZipEntry entry = zip.getEntry(prefix + "byteorder");
        if (entry == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String order = new String(BoundedZip.read(path, zip, entry, 16)).trim();
        return switch (order) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new ModelFileException(path, "byteorder says \"" + order + "\", not little or big");
        };
    }

    /** A zip persistent id: ('storage', type, key, location, numel). */
    private static StorageRef storage(Tuple id, int expectedLength, int numelIndex) throws PickleException {
        List<Object> items = id.items();
        if (items.size() < expectedLength || !"storage".equals(items.get(0))
                || !(items.get(1) instanceof StorageType type) || !(items.get(2) instanceof String key)
                || !(items.get(numelIndex) instanceof Long elements) || elements < 0) {
            throw new PickleException("has a persistent id that is not a storage: " + items);
        }
        if (!key.matches("[A-Za-z0-9_]{1,64}")) {
            throw new PickleException("names a storage key \"" + key + "\" that is not a plain name");
        }
        return new StorageRef(type, key, elements);
    }

    /** The tensors of a state dict, nested dicts flattened with dots as torch names them. */
    private static Map<String, TensorRef> tensors(Path path, Object root) throws ModelFileException {
        if (!(root instanceof Map<?, ?> dict)) {
            throw new ModelFileException(path, "holds a single value, not a state dict (save model.state_dict())");
        }
        Map<String, TensorRef> tensors = new LinkedHashMap<>();
        flatten(path, "", dict, tensors);
        if (tensors.isEmpty()) {
            throw new ModelFileException(path, "holds a dictionary without tensors");
        }
        return tensors;
    }

    private static void flatten(Path path, String prefix, Map<?, ?> dict, Map<String, TensorRef> into)
            throws ModelFileException {
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            String name = prefix + e.getKey();
            if (e.getValue() instanceof TensorRef tensor) {
                into.put(name, tensor);
            } else if (e.getValue() instanceof Map<?, ?> nested) {
                flatten(path, name + ".", nested, into);
            }
            // Other values (an epoch number, a config string) are not weights; they are left out.
        }
    }

    private static Map<String, Tensor> materialise(Path path, Map<String, TensorRef> refs,
                                                   Map<String, ByteBuffer> storages) throws ModelFileException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, TensorRef> e : refs.entrySet()) {
            TensorRef ref = e.getValue();
            ByteBuffer data = storages.get(ref.storage().key());
            long needed = Math.multiplyExact(ref.storage().elements(), ref.storage().type().bytes());
            if (data.capacity() < needed) {
                throw new ModelFileException(path, "tensor " + e.getKey() + ": storage " + ref.storage().key()
                        + " holds " + data.capacity() + " bytes, its " + ref.storage().elements() + " "
                        + ref.storage().type().pickleName() + " elements need " + needed);
            }
            tensors.put(e.getKey(), contiguous(path, e.getKey(), ref, data));
        }
        return tensors;
    }

    /** Copies a strided view into a row-major array, after checking it stays inside its storage. */
    private static Tensor contiguous(Path path, String name, TensorRef ref, ByteBuffer data) throws ModelFileException {
        long[] size = ref.size();
        long[] stride = ref.stride();
        if (size.length != stride.length || size.length > 8) {
            throw new ModelFileException(path, "tensor " + name + " has size " + Arrays.toString(size)
                    + " but stride " + Arrays.toString(stride));
        }
        int[] shape = new int[size.length];
        long count = 1;
        long last = ref.offset();
        for (int d = 0; d < size.length; d++) {
            if (size[d] < 0 || size[d] > Integer.MAX_VALUE || stride[d] < 0) {
                throw new ModelFileException(path, "tensor " + name + " has size " + Arrays.toString(size));
            }
            shape[d] = (int) size[d];
            count = Math.multiplyExact(count, size[d]);
            if (size[d] > 0) {
                last += (size[d] - 1) * stride[d];
            }
        }
        if (count > 0 && (ref.offset() < 0 || last >= ref.storage().elements())) {
            throw new ModelFileException(path, "tensor " + name + " " + Arrays.toString(size)
                    + " reaches element " + last + " of a storage of " + ref.storage().elements());
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new ModelFileException(path, "tensor " + name + " has " + count + " elements, too many to open");
        }
        double[] values = new double[(int) count];
        long[] index = new long[size.length];
        StorageType type = ref.storage().type();
        for (int i = 0; i < values.length; i++) {
            long element = ref.offset();
            for (int d = 0; d < size.length; d++) {
                element += index[d] * stride[d];
            }
            values[i] = type.read(data, element);
            for (int d = size.length - 1; d >= 0; d--) {
                if (++index[d] < size[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return new Tensor(name, type == StorageType.DOUBLE ? DType.F64 : DType.F32, shape, values);
    }

    /**
     * The format before PyTorch 1.6: pickles of the magic number, the protocol version, system
     * information and the object (persistent ids ('storage', type, key, location, numel, view)),
     * then the list of storage keys, then each storage as an 8-byte element count and its bytes.
     */
    private static Map<String, Tensor> readLegacy(Path path) throws IOException, ModelFileException, PickleException {
        long length = Files.size(path);
        if (length > MAX_STORAGE_BYTES) {
            throw new ModelFileException(path, "is " + length + " bytes, larger than a model GateScope opens");
        }
        ByteBuffer file;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            file = channel.map(FileChannel.MapMode.READ_ONLY, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        }
        RestrictedUnpickler.PersistentLoader none = id -> {
            throw new PickleException("has a storage where only the header belongs");
        };
        RestrictedUnpickler.Result magic;
        try {
            magic = RestrictedUnpickler.load(file, none);
        } catch (PickleException e) {
            throw new ModelFileException(path, "is neither a zip archive nor a pickle, so not a PyTorch checkpoint"
                    + " (.pt, .pth, .bin)");
        }
        if (!LEGACY_MAGIC.equals(magic.value())) {
            throw new ModelFileException(path, "is a pickle but not a PyTorch checkpoint (no torch.save magic number)");
        }
        file.position(file.position() + magic.consumed());
        file.position(file.position() + RestrictedUnpickler.load(file.slice(), none).consumed()); // protocol
        RestrictedUnpickler.Result info = RestrictedUnpickler.load(file.slice(), none);
        file.position(file.position() + info.consumed());
        ByteOrder order = info.value() instanceof Map<?, ?> sys && Boolean.FALSE.equals(sys.get("little_endian"))
                ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Map<String, StorageRef> declared = new LinkedHashMap<>();
        RestrictedUnpickler.Result object = RestrictedUnpickler.load(file.slice(), id -> {
            StorageRef ref = storage(id, 6, 4);
            declared.putIfAbsent(ref.key(), ref);
            return ref;
        });
        file.position(file.position() + object.consumed());
        RestrictedUnpickler.Result keys = RestrictedUnpickler.load(file.slice(), none);
        file.position(file.position() + keys.consumed());
        if (!(keys.value() instanceof List<?> keyList)) {
            throw new ModelFileException(path, "is damaged: its storage list is missing");
        }
        Map<String, ByteBuffer> storages = new HashMap<>();
        for (Object key : keyList) {
            StorageRef ref = declared.get(String.valueOf(key));
            if (ref == null || file.remaining() < 8) {
                throw new ModelFileException(path, "is damaged: storage " + key + " is listed but not described");
            }
            long elements = file.getLong();
            long bytes = elements * ref.type().bytes();
            if (elements != ref.elements() || elements < 0 || bytes > file.remaining()) {
                throw new ModelFileException(path, "storage " + key + " claims " + elements
                        + " elements, but the file has " + file.remaining() + " bytes left");
            }
            ByteBuffer data = file.slice().limit((int) bytes).slice().order(order);
            file.position(file.position() + (int) bytes);
            storages.put(ref.key(), data);
        }
        Map<String, TensorRef> refs = tensors(path, object.value());
        for (TensorRef ref : refs.values()) {
            if (!storages.containsKey(ref.storage().key())) {
                throw new ModelFileException(path, "is damaged: storage " + ref.storage().key() + " has no data");
            }
        }
        return materialise(path, refs, storages);
    }
}
