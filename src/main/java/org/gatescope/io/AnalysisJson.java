package org.gatescope.io;

import java.io.IOException;
import java.util.List;
import org.gatescope.engine.analysis.LinearProbe;
import org.gatescope.engine.analysis.ProbeStudy;
import org.gatescope.engine.analysis.UnitSearch;

/**
 * The JSON of {@code states}, {@code probe} and {@code search} (docs/cli.md). Keys are only ever added. A
 * figure that does not exist (no number units to compare with) is {@code null}.
 */
public final class AnalysisJson {

    private AnalysisJson() {
    }

    /** {@code {"explained_variance_ratio": [...], "components": [[...H], ...], "points": [[x, y], ...]}}. */
    public static void states(double[] explainedVarianceRatio, double[][] components, double[][] points, Appendable out)
            throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        json.name("explained_variance_ratio");
        array(json, explainedVarianceRatio);
        json.name("components").beginArray();
        for (double[] row : components) {
            array(json, row);
        }
        json.endArray();
        json.name("points").beginArray();
        for (double[] point : points) {
            array(json, point);
        }
        json.endArray();
        json.endObject();
        out.append('\n');
    }

    /** The probe's report: accuracy overall and per position, the top units, the comparison with the number units. */
    public static void probe(ProbeStudy.Report report, String layer, Appendable out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        json.name("property").value(report.property());
        json.name("classes").beginArray();
        for (String c : report.classes()) {
            json.value(c);
        }
        json.endArray();
        json.name("quantity").value(report.quantity().key());
        json.name("layer").value(layer);
        json.name("method").value("ridge least squares on z-scored units (lambda " + LinearProbe.RIDGE + " per token)");
        json.name("training_tokens").value(report.trainingExamples());
        json.name("held_out_tokens").value(report.heldOutExamples());
        json.name("accuracy").value(report.accuracy());
        json.name("majority_baseline").value(report.majority());
        json.name("accuracy_per_position").beginArray();
        for (ProbeStudy.PositionAccuracy p : report.perPosition()) {
            json.beginObject().name("position").value(p.position()).name("tokens").value(p.examples())
                    .name("accuracy").value(p.accuracy()).endObject();
        }
        json.endArray();
        json.name("top_units").beginArray();
        for (LinearProbe.UnitWeight u : report.topUnits()) {
            json.beginObject().name("unit").value(u.unit()).name("weight").value(u.weight()).endObject();
        }
        json.endArray();
        json.name("number_units").beginArray();
        for (int unit : report.comparedUnits()) {
            json.value(unit);
        }
        json.endArray();
        json.name("number_units_accuracy");
        number(json, report.comparedAccuracy());
        json.name("number_units_weight_share");
        number(json, report.comparedWeightShare());
        json.name("best_single_unit").beginObject().name("unit").value(report.bestUnit().unit())
                .name("accuracy").value(report.bestUnit().accuracy()).endObject();
        json.name("one_unit_suffices").value(report.oneUnitSuffices());
        json.endObject();
        out.append('\n');
    }

    /** The units ranked for a span, and the other places the best of them switch on together. */
    public static void search(List<String> tokens, UnitSearch.Span span, String quantity, List<UnitSearch.UnitScore> ranked,
                              List<UnitSearch.UnitScore> pattern, List<UnitSearch.Span> matches, Appendable out)
            throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        json.name("span").beginArray().value(span.from()).value(span.to()).endArray();
        json.name("span_tokens");
        strings(json, tokens.subList(span.from(), span.to() + 1));
        json.name("quantity").value(quantity);
        json.name("method").value(UnitSearch.METHOD);
        json.name("units").beginArray();
        for (UnitSearch.UnitScore u : ranked) {
            json.beginObject().name("unit").value(u.unit()).name("correlation").value(u.correlation())
                    .name("mean_inside").value(u.meanInside()).name("mean_outside").value(u.meanOutside()).endObject();
        }
        json.endArray();
        json.name("pattern_units").beginArray();
        for (UnitSearch.UnitScore u : pattern) {
            json.value(u.unit());
        }
        json.endArray();
        json.name("matches").beginArray();
        for (UnitSearch.Span m : matches) {
            json.beginObject().name("from").value(m.from()).name("to").value(m.to()).name("tokens");
            strings(json, tokens.subList(m.from(), m.to() + 1));
            json.endObject();
        }
        json.endArray();
        json.endObject();
        out.append('\n');
    }

    private static void strings(JsonWriter json, List<String> values) throws IOException {
        json.beginArray();
        for (String v : values) {
            json.value(v);
        }
        json.endArray();
    }

    private static void number(JsonWriter json, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.value(value);
        } else {
            json.nullValue();
        }
    }

    private static void array(JsonWriter json, double[] values) throws IOException {
        json.beginArray();
        for (double v : values) {
            json.value(v);
        }
        json.endArray();
    }
}
