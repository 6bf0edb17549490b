package org.gatescope.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contents of a safetensors file: its {@code __metadata__} and its tensors by name.
 *
 * @param tensors in file order (the header's order when read, the write order when written)
 */
public record SafeTensorsFile(Map<String, String> metadata, Map<String, Tensor> tensors) {

    /** The key the format reserves for metadata; no tensor may have that name. */
    public static final String METADATA_KEY = "__metadata__";

    /** @throws IllegalArgumentException if a tensor is filed under another name or under {@value #METADATA_KEY} */
    public SafeTensorsFile {
        tensors.forEach((name, tensor) -> {
            if (!name.equals(tensor.name()) || name.equals(METADATA_KEY)) {
                throw new IllegalArgumentException("tensor " + tensor.name() + " filed under \"" + name + "\"");
            }
        });
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }
}
