package org.gatescope.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gatescope.engine.Network;
import org.gatescope.io.NetworkFiles;

/** {@code import}: converts a model trained elsewhere into GateScope's own file, with where it came from. */
final class ImportCommand implements Command {

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "convert a PyTorch, Keras or ONNX model into GateScope's own file";
    }

    @Override
    public String usage() {
        return "import IN [--vocab FILE] [--head softmax|sigmoid|none] --out OUT.safetensors";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new UsageException(name() + ": give the model file to import first: " + usage());
        }
        String source = args[0];
        Options options = Options.parse(name(), args, 1, Set.of("vocab", "out", "head"), Set.of());
        Path target = Path.of(options.require("out"));
        Network network = ImportedModelOptions.read(name(), options, source);
        Map<String, String> provenance = new LinkedHashMap<>(network.provenance());
        provenance.put("imported_from", Path.of(source).getFileName().toString());
        if (options.has("vocab")) {
            provenance.put("vocabulary_from", Path.of(options.get("vocab")).getFileName().toString());
        }
        NetworkFiles.write(target, new Network(network.name(), network.inputKind(), network.inputSize(),
                network.sharedEmbedding(), network.maskZero(), network.levels(), network.head(), network.readout(),
                network.outputLabels(), provenance));
        out.printf("wrote %s: %d recurrent layer%s, %s%n", target, network.levels().size(),
                network.levels().size() == 1 ? "" : "s", network.provenance().getOrDefault("format", ""));
        return 0;
    }
}
