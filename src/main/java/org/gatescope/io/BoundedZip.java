package org.gatescope.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads zip entries of model files (PyTorch checkpoints, .keras archives) without trusting their sizes. */
public final class BoundedZip {

    /** A deflated entry that grows more than this many times is a zip bomb, not a model. */
    static final long MAX_EXPANSION = 1000;

    private BoundedZip() {
    }

    /** The whole entry, refused if it claims or holds more than {@code limit} bytes or expands like a bomb. */
    public static byte[] read(Path path, ZipFile zip, ZipEntry entry, long limit) throws IOException, ModelFileException {
        long declared = entry.getSize();
        if (declared > limit) {
            throw new ModelFileException(path, "entry " + entry.getName() + " claims " + declared
                    + " bytes, more than the " + limit + " a model entry may hold");
        }
        if (entry.getMethod() == ZipEntry.DEFLATED && declared > 0 && entry.getCompressedSize() > 0
                && declared / entry.getCompressedSize() > MAX_EXPANSION) {
            throw new ModelFileException(path, "entry " + entry.getName() + " expands "
                    + declared / entry.getCompressedSize() + " times; refused as a zip bomb");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            long cap = declared < 0 ? limit : declared;
            byte[] bytes = in.readNBytes((int) Math.min(cap, Integer.MAX_VALUE - 8));
            if (declared >= 0 && bytes.length != declared) {
                throw new ModelFileException(path, "entry " + entry.getName() + " holds " + bytes.length
                        + " bytes but claims " + declared);
            }
            if (in.read() != -1) {
                throw new ModelFileException(path, "entry " + entry.getName() + " holds more bytes than it claims");
            }
            return bytes;
        }
    }
}
