package org.gatescope.engine.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gatescope.engine.CellKind;
import org.gatescope.engine.GruReset;
import org.gatescope.engine.Model;
import org.gatescope.engine.Precision;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.cell.Tracer;
import org.gatescope.io.Json;
import org.gatescope.io.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GateScope computes what PyTorch computes: for each fixture in {@code src/test/resources/parity/}
 * (made by {@code src/test/python/make_parity_fixtures.py}, see the README there) the model file
 * PyTorch's weights were saved to is read, each case traced from a zero state, and every gate,
 * c̃, c, a and next-token probability compared with PyTorch's, step by step and unit by unit.
 *
 * <p>Tolerance, for an F32 model (rel = 1e-5):
 * <ul>
 *   <li>gates, c̃, c and a: |found − expected| ≤ rel · max(1, |expected|). PyTorch computes
 *       them in float32 from pre-activations of order one, so its rounding error is absolute
 *       (about 1e-7 after 40 steps) rather than relative to the result, which may be a gate of
 *       0.003 or an activation near zero after cancellation; only the LSTM's c can exceed one,
 *       and there the bound becomes relative.</li>
 *   <li>probabilities: |found − expected| ≤ rel · |expected|. Absolute errors in the logits
 *       become relative errors in exp(logit − logsumexp), whatever the probability's size.</li>
 * </ul>
 * The engine computes in double from the very same float32 weights; the fixture script checks
 * that doing so stays within a tenth of these bounds (it uses about 2.5 % of them), so a failure
 * here is a real difference, not float32 noise. For the F64 model PyTorch itself worked in
 * float64 and the same formulas are used with rel = 1e-9.
 */
class PyTorchParityTest {

    private static final double F32_TOLERANCE = 1e-5;
    private static final double F64_TOLERANCE = 1e-9;

    /** The fixtures the script makes; a lost file must not silently shrink the test. */
    private static final Set<String> EXPECTED_FIXTURES =
            Set.of("rnn", "gru", "lstm", "lstm_f64", "gru_h64", "lstm_h64");

    private static final String SUFFIX = ".expected.json";

    static Path fixtureDirectory() throws URISyntaxException {
        URL readme = PyTorchParityTest.class.getResource("/parity/README.md");
        assertTrue(readme != null, "test resource parity/README.md is missing from the class path");
        return Path.of(readme.toURI()).getParent();
    }

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(fixtureDirectory())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .sorted()
                    .collect(Collectors.toList())
                    .stream();
        }
    }

    @Test
    void everyFixtureTheScriptMakesIsPresent() throws Exception {
        Set<String> found = fixtures().collect(Collectors.toCollection(TreeSet::new));
        assertTrue(found.containsAll(EXPECTED_FIXTURES),
                "parity fixtures missing: expected " + new TreeSet<>(EXPECTED_FIXTURES) + ", found " + found);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void traceMatchesPyTorch(String name) throws Exception {
        Map<String, Object> fixture = fixture(name);
        Model model = modelOf(fixture);

        String cell = (String) fixture.get("cell");
        assertEquals(cell, model.cell().id(), name + ": cell read from the model file");
        if (model.cell() == CellKind.GRU) {
            assertEquals(GruReset.AFTER, model.spec().gruReset(), name + ": PyTorch's nn.GRU resets after");
        }
        String dtype = (String) fixture.get("dtype");
        double rel = switch (dtype) {
            case "F32" -> F32_TOLERANCE;
            case "F64" -> F64_TOLERANCE;
            default -> throw new AssertionError(name + ": unknown dtype " + dtype);
        };

        List<Object> cases = array(fixture.get("cases"));
        assertFalse(cases.isEmpty(), name + ": no cases");
        for (Object c : cases) {
            checkCase(name, model, object(c), rel);
        }
    }

    /** One quantity to compare: expected [T][n] from PyTorch, found [T][n] from the trace. */
    private record Check(String label, double[][] expected, double[][] found, boolean probability) {
    }

    private static void checkCase(String name, Model model, Map<String, Object> c, double rel) {
        String caseName = (String) c.get("name");
        int[] tokens = array(c.get("tokens")).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        String where = name + ", case '" + caseName + "' (" + tokens.length + " tokens)";
        Trace trace = Tracer.trace(model, tokens);
        assertEquals(tokens.length, trace.length(), where + ": trace length");

        // Step-major order, gates first: the first failure reported is the earliest step that
        // differs, at the quantity that differs first within the step.
        List<Check> checks = new ArrayList<>();
        if (c.containsKey("gates")) {
            for (Map.Entry<String, Object> gate : object(c.get("gates")).entrySet()) {
                Quantity q = Quantity.fromKey(gate.getKey())
                        .orElseThrow(() -> new AssertionError(where + ": unknown gate key " + gate.getKey()));
                assertTrue(trace.has(q), where + ": the trace has no " + q.key() + " (" + q.symbol() + ")");
                checks.add(new Check(q.key() + " (" + q.symbol() + ")", matrix(gate.getValue()),
                        trace.values(q), false));
            }
        }
        double[][] a = matrix(c.get("a"));
        if (c.containsKey("c")) {
            checks.add(new Check("c (memory cell)", matrix(c.get("c")), trace.values(Quantity.MEMORY_CELL), false));
        } else if (model.cell().isGru()) {
            // PyTorch has no separate cell for a GRU: c<t> = a<t>.
            checks.add(new Check("c (memory cell, = a for a GRU)", a, trace.values(Quantity.MEMORY_CELL), false));
        } else if (model.cell() == CellKind.RNN) {
            assertFalse(trace.has(Quantity.MEMORY_CELL), where + ": a vanilla RNN has no memory cell c");
        }
        checks.add(new Check("a (activation)", a, trace.values(Quantity.ACTIVATION), false));
        if (c.containsKey("probs")) {
            checks.add(new Check("probability", matrix(c.get("probs")), trace.probabilities(), true));
        }

        for (Check check : checks) {
            assertEquals(tokens.length, check.expected().length, where + ", " + check.label() + ": fixture rows");
            assertEquals(tokens.length, check.found().length, where + ", " + check.label() + ": trace rows");
        }
        for (int t = 0; t < tokens.length; t++) {
            String step = where + ", step " + t + " (token \"" + model.vocabulary().token(tokens[t]) + "\")";
            for (Check check : checks) {
                double[] expected = check.expected()[t];
                double[] found = check.found()[t];
                assertEquals(expected.length, found.length, step + ", " + check.label() + ": width");
                for (int i = 0; i < expected.length; i++) {
                    double y = expected[i];
                    double x = found[i];
                    double tolerance = check.probability() ? rel * Math.abs(y) : rel * Math.max(1.0, Math.abs(y));
                    if (!(Math.abs(x - y) <= tolerance)) {
                        String index = check.probability()
                                ? "next token \"" + model.vocabulary().token(i) + "\" (" + i + ")"
                                : "unit " + i;
                        fail(step + ", " + index + ", " + check.label() + ": PyTorch " + y + ", GateScope " + x
                                + " (|diff| " + Math.abs(x - y) + " > " + tolerance + ")");
                    }
                }
            }
        }
    }

    /**
     * The training path in float32 (decision 0023) computes PyTorch's float32 forward too: a&lt;t&gt; and
     * the next-token probabilities of every case, from the layer and head as a training step runs them,
     * within {@value #FLOAT32_PATH_TOLERANCE} (float32 products round at about 1e-7 per term; PyTorch's
     * own do too, in another order).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void trainingsFloat32ForwardMatchesPyTorch(String name) throws Exception {
        Map<String, Object> fixture = fixture(name);
        Model model = modelOf(fixture);
        LanguageModelLoss loss = new LanguageModelLoss(model.spec());
        loss.setPrecision(Precision.FLOAT32);
        for (Object item : array(fixture.get("cases"))) {
            Map<String, Object> c = object(item);
            int[] tokens = array(c.get("tokens")).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
            String where = name + ", case '" + c.get("name") + "'";
            double[][] a = matrix(c.get("a"));
            double[] found = loss.activations(model.weights(), new int[][] {tokens});
            int h = model.hiddenSize();
            for (int t = 0; t < tokens.length; t++) {
                for (int j = 0; j < h; j++) {
                    double y = a[t][j];
                    assertTrue(Math.abs(found[t * h + j] - y) <= FLOAT32_PATH_TOLERANCE * Math.max(1, Math.abs(y)),
                            where + ", step " + t + ", unit " + j + ": PyTorch " + y + ", float32 path "
                                    + found[t * h + j]);
                }
            }
            if (c.containsKey("probs")) {
                double[][] probs = matrix(c.get("probs"));
                double[] p = loss.probabilities(model.weights(), new int[][] {tokens});
                int v = probs[0].length;
                for (int t = 0; t < tokens.length; t++) {
                    for (int i = 0; i < v; i++) {
                        double y = probs[t][i];
                        assertTrue(Math.abs(p[t * v + i] - y) <= FLOAT32_PATH_TOLERANCE * Math.abs(y),
                                where + ", step " + t + ", token " + i + ": PyTorch " + y + ", float32 path "
                                        + p[t * v + i]);
                    }
                }
            }
        }
    }

    private static final double FLOAT32_PATH_TOLERANCE = 2e-5;

    private static Map<String, Object> fixture(String name) throws IOException, URISyntaxException {
        return object(Json.parse(Files.readString(fixtureDirectory().resolve(name + SUFFIX), StandardCharsets.UTF_8)));
    }

    /** The model file the fixture names, read as a user's would be. */
    private static Model modelOf(Map<String, Object> fixture) throws Exception {
        return ModelFiles.read(fixtureDirectory().resolve((String) fixture.get("model")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> array(Object json) {
        return (List<Object>) json;
    }

    private static double[][] matrix(Object json) {
        List<Object> rows = array(json);
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < m.length; r++) {
            m[r] = array(rows.get(r)).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        }
        return m;
    }
}
