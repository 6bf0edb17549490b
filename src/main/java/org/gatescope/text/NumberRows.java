package org.gatescope.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of numbers, one per step, as people type, paste or save them: rows on lines or separated by
 * ";", numbers separated by commas, tabs or spaces, no header.
 */
public final class NumberRows {

    private NumberRows() {
    }

    /**
     * @throws IllegalArgumentException naming the row (counted from 1) and the cell that is not a finite number
     */
    public static double[][] parse(String text) {
        List<double[]> rows = new ArrayList<>();
        for (String line : text.split("[;\\r\\n]+")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] cells = trimmed.split("[\\s,]+");
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                try {
                    row[j] = Double.parseDouble(cells[j]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("row " + (rows.size() + 1) + ": \u201C" + cells[j]
                            + "\u201D is not a number (one row of numbers per step, no header)");
                }
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("row " + (rows.size() + 1) + " holds " + cells[j]);
                }
            }
            rows.add(row);
        }
        return rows.toArray(double[][]::new);
    }
}
