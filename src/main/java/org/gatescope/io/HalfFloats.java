package org.gatescope.io;

/** 16-bit floats as model files store them (Java 17 has no conversion of its own). */
public final class HalfFloats {

    private HalfFloats() {
    }

    /** IEEE 754 binary16 (low 16 bits of {@code bits}) to float: subnormals, infinities and NaN included. */
    public static float fromFloat16(int bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            if (mantissa == 0) {
                return Float.intBitsToFloat(sign);
            }
            int shift = Integer.numberOfLeadingZeros(mantissa) - 21;
            mantissa = (mantissa << shift) & 0x3ff;
            exponent = 1 - shift;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** bfloat16 (the high half of a float32) to float. */
    public static float fromBfloat16(int bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }
}
