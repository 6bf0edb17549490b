package org.gatescope.io.onnx;

import java.util.Arrays;

/**
 * A constant tensor of an ONNX graph (an initializer, a Constant node's value, or what folding
 * constants made of them), its values widened to double in row-major order. Integer tensors hold
 * shapes and indices; doubles represent them exactly up to 2^53, far past any real dimension.
 */
public record OnnxTensor(String name, DataType type, long[] dims, double[] values) {

    /** The ONNX element types GateScope reads (TensorProto.DataType numbers). */
    public enum DataType {
        FLOAT(1, 4), UINT8(2, 1), INT8(3, 1), UINT16(4, 2), INT16(5, 2), INT32(6, 4), INT64(7, 8),
        BOOL(9, 1), FLOAT16(10, 2), DOUBLE(11, 8), UINT32(12, 4), UINT64(13, 8), BFLOAT16(16, 2);

        final int code;
        final int bytes;

        DataType(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        static DataType of(int code) {
            for (DataType type : values()) {
                if (type.code == code) {
                    return type;
                }
            }
            return null;
        }

        boolean floating() {
            return this == FLOAT || this == DOUBLE || this == FLOAT16 || this == BFLOAT16;
        }
    }

    public OnnxTensor {
        if (count(dims) != values.length) {
            throw new IllegalArgumentException("tensor " + name + " " + Arrays.toString(dims) + " has "
                    + values.length + " values");
        }
    }

    /** The number of elements {@code dims} describe; -1 when a dimension is negative or the count overflows. */
    static long count(long[] dims) {
        long n = 1;
        for (long d : dims) {
            if (d < 0) {
                return -1;
            }
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return n;
    }

    public int rank() {
        return dims.length;
    }

    public int[] shape() {
        return Arrays.stream(dims).mapToInt(Math::toIntExact).toArray();
    }

    /** The values as whole numbers (for shapes, axes, indices). */
    long[] longs() {
        long[] result = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (long) values[i];
        }
        return result;
    }

    OnnxTensor named(String newName) {
        return new OnnxTensor(newName, type, dims, values);
    }

    @Override
    public String toString() {
        return name + " " + type + Arrays.toString(dims);
    }
}
