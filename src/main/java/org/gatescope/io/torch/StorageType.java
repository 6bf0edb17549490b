package org.gatescope.io.torch;

import java.nio.ByteBuffer;
import org.gatescope.io.HalfFloats;

/** The element types of PyTorch storages, by the names their pickles use ({@code torch.FloatStorage}). */
enum StorageType {
    FLOAT("FloatStorage", 4, true),
    DOUBLE("DoubleStorage", 8, true),
    HALF("HalfStorage", 2, true),
    BFLOAT16("BFloat16Storage", 2, true),
    LONG("LongStorage", 8, false),
    INT("IntStorage", 4, false),
    SHORT("ShortStorage", 2, false),
    CHAR("CharStorage", 1, false),
    BYTE("ByteStorage", 1, false),
    BOOL("BoolStorage", 1, false);

    private final String pickleName;
    private final int bytes;
    private final boolean floating;

    StorageType(String pickleName, int bytes, boolean floating) {
        this.pickleName = pickleName;
        this.bytes = bytes;
        this.floating = floating;
    }

    static StorageType fromPickleName(String name) {
        for (StorageType type : values()) {
            if (type.pickleName.equals(name)) {
                return type;
            }
        }
        return null;
    }

    int bytes() {
        return bytes;
    }

    /** Weights are floating point; integer storages hold counters such as num_batches_tracked. */
    boolean floating() {
        return floating;
    }

    String pickleName() {
        return pickleName;
    }

    /** Element {@code index} of a storage, widened to double; {@code data} has the file's byte order. */
    double read(ByteBuffer data, long index) {
        int at = Math.toIntExact(index * bytes);
        return switch (this) {
            case FLOAT -> data.getFloat(at);
            case DOUBLE -> data.getDouble(at);
            case HALF -> HalfFloats.fromFloat16(data.getShort(at));
            case BFLOAT16 -> HalfFloats.fromBfloat16(data.getShort(at));
            case LONG -> data.getLong(at);
            case INT -> data.getInt(at);
            case SHORT -> data.getShort(at);
            case CHAR -> data.get(at);
            case BYTE -> data.get(at) & 0xff;
            case BOOL -> data.get(at) != 0 ? 1 : 0;
        };
    }
}
