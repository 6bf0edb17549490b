package org.gatescope.io;

import java.io.IOException;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;
import org.gatescope.engine.intervention.Counterfactual;

/**
 * Writes a counterfactual as the JSON of docs/cli.md, "diff output": the replacement, the compared
 * prediction, the units that carry the difference, and one entry per step of the original text with both
 * traces ({@code before}, {@code after}, keys as in the trace JSON) and their difference ({@code delta}).
 */
public final class CounterfactualJson {

    private CounterfactualJson() {
    }

    /**
     * @param carriers how many carrier units to list
     * @param out appended to, never closed
     */
    public static void write(Counterfactual cf, int carriers, Appendable out) throws IOException {
        Trace before = cf.before();
        Trace after = cf.after();
        JsonWriter json = new JsonWriter(out, true);
        json.beginObject();
        json.name("cell").value(before.cell().id());
        json.name("hidden").value(before.hidden());
        json.name("position").value(cf.position());
        json.name("original").value(cf.original());
        json.name("replacement").value(cf.replacement());
        json.name("tokens").beginArray();
        for (String token : before.tokens()) {
            json.value(token);
        }
        json.endArray();
        json.name("replaced_tokens").beginArray();
        for (String token : after.tokens()) {
            json.value(token);
        }
        json.endArray();
        json.name("compared").beginObject().name("position").value(cf.compared().position()).name("tokens").beginArray();
        for (String token : cf.compared().tokens()) {
            json.value(token);
        }
        json.endArray().endObject();
        json.name("carriers").beginArray();
        for (int unit : cf.carriers(carriers)) {
            json.beginObject().name("unit").value(unit).name("mean_abs_delta").value(cf.carried(unit)).endObject();
        }
        json.endArray();
        json.name("steps").beginArray();
        for (int t = 0; t < before.length(); t++) {
            out.append('\n');
            json.beginObject();
            json.name("token").value(before.tokens().get(t));
            json.name("replaced_token").value(after.tokens().get(t));
            json.name("before").beginObject();
            quantities(json, before, t);
            json.endObject();
            json.name("after").beginObject();
            quantities(json, after, t);
            json.endObject();
            json.name("delta").beginObject();
            for (Quantity q : Quantity.values()) {
                if (before.has(q)) {
                    json.name(q.key()).beginArray();
                    for (int j = 0; j < before.hidden(); j++) {
                        json.value(cf.delta(q, t, j));
                    }
                    json.endArray();
                }
            }
            json.endObject();
            json.name("probs_before").beginObject();
            for (String token : cf.compared().tokens()) {
                json.name(token).value(before.probability(t, token));
            }
            json.endObject();
            json.name("probs_after").beginObject();
            for (String token : cf.compared().tokens()) {
                json.name(token).value(after.probability(t, token));
            }
            json.endObject();
            json.name("top_before").value(before.topPredictions(t, 1).get(0).token());
            json.name("top_after").value(after.topPredictions(t, 1).get(0).token());
            json.name("prediction_shift").value(cf.predictionShift(t));
            json.endObject();
        }
        json.endArray();
        json.endObject();
        out.append('\n');
    }

    private static void quantities(JsonWriter json, Trace trace, int t) throws IOException {
        for (Quantity q : Quantity.values()) {
            if (trace.has(q)) {
                json.name(q.key()).beginArray();
                for (int j = 0; j < trace.hidden(); j++) {
                    json.value(trace.value(q, t, j));
                }
                json.endArray();
            }
        }
    }
}
