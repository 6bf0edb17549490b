package org.gatescope.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes the safetensors format (the layout of Hugging Face's reference
 * implementation): an 8-byte little-endian header length N, N bytes of UTF-8 JSON header,
 * then the raw little-endian tensor data, each tensor at the {@code data_offsets} its header
 * entry gives relative to the start of that data.
 *
 * <p>Reading trusts nothing in the file: every inconsistency is a {@link ModelFileException}
 * saying which tensor and what is wrong. Writing is atomic and deterministic.
 */
public final class SafeTensors {

    /** The reference implementation refuses larger headers; so do we. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    /** GateScope's models are small; a larger file is a mistake, and would be read into memory. */
    static final long MAX_FILE_BYTES = 100L * 1024 * 1024;

    private static final int LENGTH_PREFIX_BYTES = 8;

    private SafeTensors() {
    }

    /**
     * Reads a whole safetensors file, F32 and F64 tensors widened to double.
     *
     * @throws ModelFileException if the file cannot be read or is not a well-formed safetensors file
     */
    public static SafeTensorsFile read(Path path) throws ModelFileException {
        if (Files.isDirectory(path)) {
            throw new ModelFileException(path, "is a directory, not a model file");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(path, channel);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(path, "file not found", e);
        } catch (IOException e) {
            throw new ModelFileException(path, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    /**
     * Reads a safetensors file held in memory (a bundled model), as {@link #read(Path)} reads one on disk;
     * {@code name} names it in messages.
     *
     * @throws ModelFileException if the bytes are not a well-formed safetensors file
     */
    public static SafeTensorsFile read(Path name, byte[] bytes) throws ModelFileException {
        try {
            return read(name, Channels.newChannel(new ByteArrayInputStream(bytes)), bytes.length);
        } catch (IOException e) { // reading memory fails only as a malformed file does
            throw new ModelFileException(name, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    private static SafeTensorsFile read(Path path, FileChannel channel) throws IOException, ModelFileException {
        return read(path, channel, channel.size());
    }

    private static SafeTensorsFile read(Path path, ReadableByteChannel channel, long size)
            throws IOException, ModelFileException {
        if (size < LENGTH_PREFIX_BYTES) {
            throw new ModelFileException(path, "not a safetensors file: it is " + size
                    + " bytes long, too short for the 8-byte header length");
        }
        long headerLength = readFully(path, channel, LENGTH_PREFIX_BYTES).getLong();
        if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
            throw new ModelFileException(path, "header length " + Long.toUnsignedString(headerLength)
                    + " is over the 100 MB limit: not a safetensors file, or a damaged one");
        }
        if (headerLength > size - LENGTH_PREFIX_BYTES) {
            throw new ModelFileException(path, "truncated: header length " + headerLength
                    + " exceeds file size " + size);
        }
        if (size > MAX_FILE_BYTES) {
            throw new ModelFileException(path, "file is " + size + " bytes; GateScope reads model files up to "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MB");
        }
        Map<String, Object> header = parseHeader(path, readFully(path, channel, (int) headerLength));
        ByteBuffer data = readFully(path, channel, (int) (size - LENGTH_PREFIX_BYTES - headerLength));
        return new HeaderReader(path, data).read(header);
    }

    /** Reads exactly {@code length} bytes from the channel's position, as a little-endian buffer. */
    private static ByteBuffer readFully(Path path, ReadableByteChannel channel, int length)
            throws IOException, ModelFileException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new ModelFileException(path, "truncated: the file ended while it was being read");
            }
        }
        return buffer.flip();
    }

    private static Map<String, Object> parseHeader(Path path, ByteBuffer bytes) throws ModelFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ModelFileException(path, "header is not valid UTF-8", e);
        }
        Object json;
        try {
            json = Json.parse(text);
        } catch (JsonException e) {
            throw new ModelFileException(path, "header is not valid JSON: " + e.getMessage(), e);
        }
        if (!(json instanceof Map<?, ?> map)) {
            throw new ModelFileException(path, "header is not a JSON object but " + Json.describe(json));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }

    /** Checks the header's entries against the data buffer and decodes the tensors. */
    private static final class HeaderReader {
        private final Path path;
        private final ByteBuffer data;

        /** One validated header entry. */
        private record Entry(String name, DType dtype, int[] shape, long begin, long end) {
        }

        HeaderReader(Path path, ByteBuffer data) {
            this.path = path;
            this.data = data;
        }

        SafeTensorsFile read(Map<String, Object> header) throws ModelFileException {
            Map<String, String> metadata = Map.of();
            List<Entry> entries = new ArrayList<>();
            for (Map.Entry<String, Object> e : header.entrySet()) {
                if (e.getKey().equals(SafeTensorsFile.METADATA_KEY)) {
                    metadata = metadata(e.getValue());
                } else {
                    entries.add(entry(e.getKey(), e.getValue()));
                }
            }
            checkNoOverlap(entries);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Entry entry : entries) {
                tensors.put(entry.name(), decode(entry));
            }
            return new SafeTensorsFile(metadata, tensors);
        }

        private Map<String, String> metadata(Object value) throws ModelFileException {
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw fail("__metadata__ must be an object mapping strings to strings, but is " + Json.describe(value));
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getValue() instanceof String s)) {
                    throw fail("__metadata__ must map strings to strings, but \"" + e.getKey()
                            + "\" maps to " + Json.describe(e.getValue()));
                }
                metadata.put((String) e.getKey(), s);
            }
            return metadata;
        }

        private Entry entry(String name, Object value) throws ModelFileException {
            if (!(value instanceof Map<?, ?> info)) {
                throw fail("tensor " + name + ": header entry must be an object, but is " + Json.describe(value));
            }
            DType dtype = dtype(name, require(name, info, "dtype"));
            int[] shape = shape(name, require(name, info, "shape"));
            Object offsets = require(name, info, "data_offsets");
            if (!(offsets instanceof List<?> list) || list.size() != 2
                    || !(list.get(0) instanceof Long begin) || !(list.get(1) instanceof Long end)
                    || begin < 0 || end < 0) {
                throw fail("tensor " + name + ": data_offsets must be [begin, end], two integers >= 0, but is "
                        + Json.describe(offsets));
            }
            String where = "tensor " + name + ": data_offsets [" + begin + ", " + end + "]";
            if (begin > end) {
                throw fail(where + " begin after they end");
            }
            if (end > data.limit()) {
                throw fail(where + " run past the end of the data, which holds " + data.limit() + " bytes");
            }
            long needed = bytesNeeded(shape, dtype);
            if (needed != end - begin) {
                throw fail(where + " hold " + (end - begin) + " bytes but shape " + Arrays.toString(shape)
                        + " of " + dtype + " needs " + (needed < 0 ? "more than 2^63" : needed));
            }
            return new Entry(name, dtype, shape, begin, end);
        }

        private Object require(String name, Map<?, ?> info, String key) throws ModelFileException {
            if (!info.containsKey(key)) {
                throw fail("tensor " + name + " has no " + key);
            }
            return info.get(key);
        }

        private DType dtype(String name, Object value) throws ModelFileException {
            if (!(value instanceof String s)) {
                throw fail("tensor " + name + ": dtype must be a string, but is " + Json.describe(value));
            }
            return DType.fromName(s).orElseThrow(() -> fail("tensor " + name + " has dtype " + s
                    + "; GateScope reads F32 and F64 only"));
        }

        private int[] shape(String name, Object value) throws ModelFileException {
            if (!(value instanceof List<?> list)) {
                throw fail("tensor " + name + ": shape must be an array of integers, but is " + Json.describe(value));
            }
            int[] shape = new int[list.size()];
            for (int i = 0; i < shape.length; i++) {
                if (!(list.get(i) instanceof Long dim)) {
                    throw fail("tensor " + name + ": shape must be an array of integers, but is "
                            + Json.describe(list));
                }
                if (dim < 0) {
                    throw fail("tensor " + name + " has a negative dimension in shape " + Json.abbreviate(list));
                }
                if (dim > Integer.MAX_VALUE) {
                    throw fail("tensor " + name + " has a dimension too large in shape " + Json.abbreviate(list));
                }
                shape[i] = (int) (long) dim;
            }
            return shape;
        }

        /** Bytes the shape needs, or -1 if that overflows a long. */
        private static long bytesNeeded(int[] shape, DType dtype) {
            try {
                return Math.multiplyExact(Tensor.elementCount(shape), dtype.bytes());
            } catch (ArithmeticException e) {
                return -1;
            }
        }

        /** Two tensors must not share bytes; empty tensors hold none. */
        private void checkNoOverlap(List<Entry> entries) throws ModelFileException {
            List<Entry> sorted = entries.stream()
                    .filter(e -> e.end() > e.begin())
                    .sorted(Comparator.comparingLong(Entry::begin))
                    .toList();
            Entry furthest = null;
            for (Entry e : sorted) {
                if (furthest != null && e.begin() < furthest.end()) {
                    throw fail("tensors " + furthest.name() + " and " + e.name() + " overlap: data_offsets ["
                            + furthest.begin() + ", " + furthest.end() + "] and [" + e.begin() + ", " + e.end() + "]");
                }
                if (furthest == null || e.end() > furthest.end()) {
                    furthest = e;
                }
            }
        }

        private Tensor decode(Entry entry) {
            ByteBuffer bytes = data.slice((int) entry.begin(), (int) (entry.end() - entry.begin()))
                    .order(ByteOrder.LITTLE_ENDIAN);
            double[] values = new double[(int) Tensor.elementCount(entry.shape())];
            if (entry.dtype() == DType.F64) {
                bytes.asDoubleBuffer().get(values);
            } else {
                for (int i = 0; i < values.length; i++) {
                    values[i] = bytes.getFloat(i * Float.BYTES);
                }
            }
            return new Tensor(entry.name(), entry.dtype(), entry.shape(), values);
        }

        private ModelFileException fail(String problem) {
            return new ModelFileException(path, problem);
        }
    }

    /**
     * Writes {@code file} atomically: tensors in the order given, each in its own dtype, with
     * contiguous offsets; metadata keys sorted; the header padded with spaces to a multiple of
     * 8 bytes, as the reference implementation does. Equal input gives equal bytes.
     *
     * @throws ModelFileException if a value does not fit the tensor's dtype or the file cannot be written
     */
    public static void write(Path path, SafeTensorsFile file) throws ModelFileException {
        for (Tensor tensor : file.tensors().values()) {
            checkRepresentable(path, tensor);
        }
        byte[] header = header(file);
        try {
            AtomicFile.write(path, out -> {
                ByteBuffer prefix = ByteBuffer.allocate(LENGTH_PREFIX_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                out.write(prefix.putLong(header.length).array());
                out.write(header);
                for (Tensor tensor : file.tensors().values()) {
                    writeData(out, tensor);
                }
            });
        } catch (IOException e) {
            throw new ModelFileException(path, "cannot write: " + e.getMessage(), e);
        }
    }

    /** Finite doubles beyond float range would silently become infinities in an F32 file. */
    private static void checkRepresentable(Path path, Tensor tensor) throws ModelFileException {
        if (tensor.dtype() != DType.F32) {
            return;
        }
        double[] data = tensor.data();
        for (int i = 0; i < data.length; i++) {
            if (Double.isFinite(data[i]) && Float.isInfinite((float) data[i])) {
                throw new ModelFileException(path, "tensor " + tensor.name() + ": value " + data[i]
                        + " at index " + i + " does not fit in F32");
            }
        }
    }

    private static byte[] header(SafeTensorsFile file) {
        StringBuilder json = new StringBuilder();
        JsonWriter writer = new JsonWriter(json, true);
        try {
            writer.beginObject();
            if (!file.metadata().isEmpty()) {
                writer.name(SafeTensorsFile.METADATA_KEY).beginObject();
                for (Map.Entry<String, String> e : new TreeMap<>(file.metadata()).entrySet()) {
                    writer.name(e.getKey()).value(e.getValue());
                }
                writer.endObject();
            }
            long offset = 0;
            for (Tensor tensor : file.tensors().values()) {
                long end = offset + Tensor.elementCount(tensor.shape()) * tensor.dtype().bytes();
                writer.name(tensor.name()).beginObject()
                        .name("dtype").value(tensor.dtype().name())
                        .name("shape").beginArray();
                for (int dim : tensor.shape()) {
                    writer.value(dim);
                }
                writer.endArray()
                        .name("data_offsets").beginArray().value(offset).value(end).endArray()
                        .endObject();
                offset = end;
            }
            writer.endObject();
        } catch (IOException e) {
            throw new AssertionError("a StringBuilder does not fail", e);
        }
        byte[] utf8 = json.toString().getBytes(StandardCharsets.UTF_8);
        int padding = (8 - utf8.length % 8) % 8;
        byte[] padded = Arrays.copyOf(utf8, utf8.length + padding);
        Arrays.fill(padded, utf8.length, padded.length, (byte) ' ');
        return padded;
    }

    private static void writeData(OutputStream out, Tensor tensor) throws IOException {
        double[] data = tensor.data();
        ByteBuffer bytes = ByteBuffer.allocate(data.length * tensor.dtype().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        if (tensor.dtype() == DType.F64) {
            bytes.asDoubleBuffer().put(data);
        } else {
            for (double v : data) {
                bytes.putFloat((float) v);
            }
        }
        out.write(bytes.array());
    }
}
