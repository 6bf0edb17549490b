package org.gatescope.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named tensor of a safetensors file, its values widened to double in row-major order.
 * The arrays are shared, not copied: a tensor is a transfer object between file and model.
 *
 * @param dtype how the values are (or will be) stored in the file
 */
public record Tensor(String name, DType dtype, int[] shape, double[] data) {

    public Tensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        long elements = elementCount(shape);
        if (elements != data.length) {
            throw new IllegalArgumentException("tensor " + name + ": shape " + Arrays.toString(shape)
                    + " holds " + elements + " values, data has " + data.length);
        }
    }

    /** The product of the dimensions (1 for a scalar). */
    public static long elementCount(int[] shape) {
        long n = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, dim);
        }
        return n;
    }
}
