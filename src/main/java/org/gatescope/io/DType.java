package org.gatescope.io;

import java.util.Arrays;
import java.util.Optional;

/** The safetensors element types GateScope reads and writes, both little-endian IEEE 754. */
public enum DType {
    F32(4),
    F64(8);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The type of that safetensors name ({@code "F32"}), if supported. */
    public static Optional<DType> fromName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
