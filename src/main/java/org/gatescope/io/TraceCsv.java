package org.gatescope.io;

import java.io.IOException;
import org.gatescope.engine.Quantity;
import org.gatescope.engine.Trace;

/**
 * Writes a trace as CSV (RFC 4180), one row per token: {@code step, token, unknown}, then
 * one column per quantity and unit ({@code u_0 … a_15}), then with probabilities one
 * {@code p(token)} column per vocabulary entry. Ready for a spreadsheet or pandas.
 */
public final class TraceCsv {

    private TraceCsv() {
    }

    public static void write(Trace trace, Appendable out, boolean withProbabilities) throws IOException {
        out.append("step,token,unknown");
        for (Quantity quantity : Quantity.values()) {
            if (trace.has(quantity)) {
                for (int j = 0; j < trace.hidden(); j++) {
                    out.append(',').append(quantity.key()).append('_').append(Integer.toString(j));
                }
            }
        }
        if (withProbabilities) {
            for (String token : trace.vocabulary()) {
                out.append(',').append(quote("p(" + token + ")"));
            }
        }
        out.append("\r\n");
        for (int t = 0; t < trace.length(); t++) {
            out.append(Integer.toString(t)).append(',').append(quote(trace.tokens().get(t))).append(',')
                    .append(trace.isUnknown(t) ? "true" : "false");
            for (Quantity quantity : Quantity.values()) {
                if (trace.has(quantity)) {
                    for (int j = 0; j < trace.hidden(); j++) {
                        out.append(',').append(Double.toString(trace.value(quantity, t, j)));
                    }
                }
            }
            if (withProbabilities) {
                for (int v = 0; v < trace.vocabularySize(); v++) {
                    out.append(',').append(Double.toString(trace.probability(t, v)));
                }
            }
            out.append("\r\n");
        }
    }

    /**
     * Writes a trace as CSV, one row per step and unit: {@code step, token, unknown, unit}, then one
     * column per quantity the cell has ({@code u, f, c_tilde, c, a, …}, the trace JSON's keys). The
     * long form a plotting library wants; {@link #write} is the wide one.
     */
    public static void writePerUnit(Trace trace, Appendable out) throws IOException {
        out.append("step,token,unknown,unit");
        for (Quantity quantity : Quantity.values()) {
            if (trace.has(quantity)) {
                out.append(',').append(quantity.key());
            }
        }
        out.append("\r\n");
        for (int t = 0; t < trace.length(); t++) {
            String token = quote(trace.tokens().get(t));
            String unknown = trace.isUnknown(t) ? "true" : "false";
            for (int j = 0; j < trace.hidden(); j++) {
                out.append(Integer.toString(t)).append(',').append(token).append(',').append(unknown).append(',')
                        .append(Integer.toString(j));
                for (Quantity quantity : Quantity.values()) {
                    if (trace.has(quantity)) {
                        out.append(',').append(Double.toString(trace.value(quantity, t, j)));
                    }
                }
                out.append("\r\n");
            }
        }
    }

    /** Quotes a field when it holds a comma, quote or line break, doubling inner quotes. */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
