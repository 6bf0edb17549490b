package org.gatescope.render;

import java.nio.file.Path;

/**
 * What an exported chart calls its model, the same in the window and on the command line: a
 * bundled model's name as it is ({@code lstm}), a model file's name without ".safetensors"
 * ({@code /tmp/my.safetensors} and {@code my.safetensors} both give {@code my}).
 */
public final class ChartTitle {

    private static final String MODEL_SUFFIX = ".safetensors";

    private ChartTitle() {
    }

    /**
     * @param nameOrPath a bundled model's name, a model file's path or file name; may be null
     * @return the name for the title, or null for a null or empty name (the chart then has none)
     */
    public static String modelName(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isEmpty()) {
            return null;
        }
        Path file = Path.of(nameOrPath).getFileName();
        String name = file == null ? nameOrPath : file.toString();
        return name.endsWith(MODEL_SUFFIX) && name.length() > MODEL_SUFFIX.length()
                ? name.substring(0, name.length() - MODEL_SUFFIX.length()) : name;
    }
}
