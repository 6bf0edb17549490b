package org.gatescope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    @TempDir
    Path dir;

    private int counter;

    // ---- round trips and layout ----

    @Test
    void f64TensorsRoundTripExactly() throws Exception {
        Tensor matrix = new Tensor("rnn.weight_hh_l0", DType.F64, new int[] {2, 3},
                new double[] {0.1, -2.5e-300, Math.PI, -0.0, 1e300, 7});
        Tensor vector = new Tensor("head.bias", DType.F64, new int[] {2}, new double[] {1.0 / 3, -4});
        Path path = dir.resolve("m.safetensors");
        SafeTensors.write(path, file(Map.of("cell", "lstm"), matrix, vector));

        SafeTensorsFile read = SafeTensors.read(path);
        assertEquals(Map.of("cell", "lstm"), read.metadata());
        assertEquals(List.of("rnn.weight_hh_l0", "head.bias"), List.copyOf(read.tensors().keySet()));
        assertTensorEquals(matrix, read.tensors().get("rnn.weight_hh_l0"));
        assertTensorEquals(vector, read.tensors().get("head.bias"));
    }

    @Test
    void f32TensorsRoundTripToFloatPrecision() throws Exception {
        double[] values = {0.1, -1.0 / 3, 123456.789, 3e-39};
        Path path = dir.resolve("m.safetensors");
        SafeTensors.write(path, file(Map.of(), new Tensor("t", DType.F32, new int[] {4}, values)));

        Tensor read = SafeTensors.read(path).tensors().get("t");
        assertEquals(DType.F32, read.dtype());
        for (int i = 0; i < values.length; i++) {
            assertEquals((float) values[i], read.data()[i]);
        }
    }

    @Test
    void scalarsAndEmptyTensorsAreAccepted() throws Exception {
        Path path = dir.resolve("m.safetensors");
        SafeTensors.write(path, file(Map.of(),
                new Tensor("empty", DType.F32, new int[] {0, 4}, new double[0]),
                new Tensor("scalar", DType.F64, new int[] {}, new double[] {2.5}),
                new Tensor("also_empty", DType.F32, new int[] {3, 0}, new double[0])));

        SafeTensorsFile read = SafeTensors.read(path);
        assertArrayEquals(new double[] {2.5}, read.tensors().get("scalar").data());
        assertArrayEquals(new int[] {0, 4}, read.tensors().get("empty").shape());
    }

    @Test
    void readsTheByteLayoutOfThePythonSafetensorsLibrary() throws Exception {
        // safetensors.torch.save_file({"embedding.weight": [[1,2,3],[4,5,6]], "head.bias": [-1, 0.5]},
        //                             metadata={"format": "pt"}): compact JSON, keys sorted, spaces to 8.
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"embedding.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
                + "\"head.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]}}";
        byte[] bytes = referenceLayout(header, f32(1, 2, 3, 4, 5, 6, -1, 0.5f));
        Path path = Files.write(dir.resolve("python.safetensors"), bytes);

        SafeTensorsFile read = SafeTensors.read(path);
        assertEquals(Map.of("format", "pt"), read.metadata());
        assertArrayEquals(new int[] {2, 3}, read.tensors().get("embedding.weight").shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, read.tensors().get("embedding.weight").data());
        assertArrayEquals(new double[] {-1, 0.5}, read.tensors().get("head.bias").data());
    }

    @Test
    void writesTheByteLayoutOfThePythonSafetensorsLibrary() throws Exception {
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"embedding.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
                + "\"head.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]}}";
        Path path = dir.resolve("java.safetensors");
        SafeTensors.write(path, file(Map.of("format", "pt"),
                new Tensor("embedding.weight", DType.F32, new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}),
                new Tensor("head.bias", DType.F32, new int[] {2}, new double[] {-1, 0.5})));

        assertArrayEquals(referenceLayout(header, f32(1, 2, 3, 4, 5, 6, -1, 0.5f)), Files.readAllBytes(path));
    }

    @Test
    void headerIsPaddedWithSpacesToAMultipleOfEight() throws Exception {
        for (String name : List.of("a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh")) {
            Path path = dir.resolve(name + ".safetensors");
            SafeTensors.write(path, file(Map.of(), new Tensor(name, DType.F32, new int[] {1}, new double[] {1})));
            byte[] bytes = Files.readAllBytes(path);
            long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(0, headerLength % 8, name);
            String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
            assertTrue(header.stripTrailing().endsWith("}"), header);
            assertTrue(header.substring(header.lastIndexOf('}') + 1).isBlank(), header);
        }
    }

    @Test
    void sameContentGivesTheSameBytesWhateverTheMetadataOrder() throws Exception {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("b", "2");
        forward.put("a", "1");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("a", "1");
        backward.put("b", "2");
        Tensor t = new Tensor("t", DType.F32, new int[] {2}, new double[] {1, 2});
        Path first = dir.resolve("first.safetensors");
        Path second = dir.resolve("second.safetensors");
        SafeTensors.write(first, file(forward, t));
        SafeTensors.write(second, file(backward, t));
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void tensorsAreWrittenInTheGivenOrderWithContiguousOffsets() throws Exception {
        Path path = dir.resolve("m.safetensors");
        SafeTensors.write(path, file(Map.of(),
                new Tensor("z", DType.F64, new int[] {1}, new double[] {1}),
                new Tensor("a", DType.F32, new int[] {3}, new double[] {1, 2, 3})));
        String header = headerOf(path);
        assertTrue(header.startsWith("{\"z\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[8,20]}}"), header);
    }

    @Test
    void valueBeyondFloatRangeIsRefusedWhenWritingF32() {
        Path path = dir.resolve("m.safetensors");
        var e = assertThrows(ModelFileException.class, () -> SafeTensors.write(path,
                file(Map.of(), new Tensor("head.bias", DType.F32, new int[] {2}, new double[] {0, 1e39}))));
        assertEquals(path + ": tensor head.bias: value 1.0E39 at index 1 does not fit in F32", e.getMessage());
        assertFalse(Files.exists(path));
    }

    @Test
    void writeReplacesAnExistingFile() throws Exception {
        Path path = Files.writeString(dir.resolve("m.safetensors"), "old content");
        SafeTensors.write(path, file(Map.of(), new Tensor("t", DType.F32, new int[] {1}, new double[] {1})));
        assertArrayEquals(new double[] {1}, SafeTensors.read(path).tensors().get("t").data());
        assertEquals(List.of(path), listDir());
    }

    @Test
    void writeIntoAMissingDirectoryIsRefusedAndLeavesNothing() {
        Path path = dir.resolve("no/such/dir/m.safetensors");
        var e = assertThrows(ModelFileException.class, () -> SafeTensors.write(path, file(Map.of())));
        assertEquals(path + ": cannot write: directory " + dir.resolve("no/such/dir") + " does not exist",
                e.getMessage());
    }

    @Test
    void writeWhereTheDirectoryIsAFileIsRefused() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain.txt"), "x");
        Path path = notADir.resolve("m.safetensors");
        var e = assertThrows(ModelFileException.class, () -> SafeTensors.write(path, file(Map.of())));
        assertEquals(path + ": cannot write: " + notADir + " is not a directory", e.getMessage());
        assertEquals(List.of(notADir), listDir());
    }

    @Test
    void writeIntoAnUnwritableDirectoryIsRefusedAndLeavesNothing() throws Exception {
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeFalse(Files.isWritable(readOnly), "running as root: every directory is writable");
        Path path = readOnly.resolve("m.safetensors");
        var e = assertThrows(ModelFileException.class, () -> SafeTensors.write(path, file(Map.of())));
        assertEquals(path + ": cannot write: directory " + readOnly + " is not writable (permission denied)",
                e.getMessage());
    }

    // ---- files that are refused, one test per problem ----

    @Test
    void aFileHeldInMemoryReadsAsTheSameFileOnDisk() throws Exception {
        Tensor matrix = new Tensor("rnn.weight_hh_l0", DType.F32, new int[] {2, 2}, new double[] {0.5, -1, 2, 0.25});
        Path path = dir.resolve("m.safetensors");
        SafeTensors.write(path, file(Map.of("cell", "gru"), matrix));

        SafeTensorsFile read = SafeTensors.read(Path.of("gru.safetensors"), Files.readAllBytes(path));
        assertEquals(Map.of("cell", "gru"), read.metadata());
        assertTensorEquals(matrix, read.tensors().get("rnn.weight_hh_l0"));
    }

    @Test
    void aTruncatedFileInMemoryIsRefusedAsOnDisk() throws Exception {
        Path path = dir.resolve("m.safetensors");
        SafeTensors.write(path, file(Map.of(), new Tensor("t", DType.F64, new int[] {4}, new double[] {1, 2, 3, 4})));
        byte[] bytes = Files.readAllBytes(path);
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 8);
        Files.write(path, cut);

        ModelFileException inMemory = assertThrows(ModelFileException.class,
                () -> SafeTensors.read(Path.of("bundled.safetensors"), cut));
        assertEquals(refused(path).getMessage().replace(path.toString(), "bundled.safetensors"), inMemory.getMessage());
    }

    @Test
    void missingFileIsRefusedNamingTheFile() {
        Path path = dir.resolve("absent.safetensors");
        assertEquals(path + ": file not found", refused(path).getMessage());
    }

    @Test
    void directoryIsRefused() {
        assertEquals(dir + ": is a directory, not a model file", refused(dir).getMessage());
    }

    @Test
    void unreadableFileIsRefused() throws Exception {
        Path path = dir.resolve("secret.safetensors");
        Files.write(path, new byte[16]);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(path), "running as root: every file is readable");
        assertEquals(path + ": cannot read: permission denied", refused(path).getMessage());
    }

    @Test
    void fileShorterThanTheLengthPrefixIsNotASafetensorsFile() throws Exception {
        Path path = Files.write(dir.resolve("short.safetensors"), new byte[] {1, 2, 3});
        assertEquals(path + ": not a safetensors file: it is 3 bytes long, too short for the 8-byte header length",
                refused(path).getMessage());
    }

    @Test
    void truncatedHeaderIsRefusedNamingTheFile() throws Exception {
        Path path = Files.write(dir.resolve("cut.safetensors"), concat(lengthPrefix(1000), "{\"a\":".getBytes()));
        assertEquals(path + ": truncated: header length 1000 exceeds file size 13", refused(path).getMessage());
    }

    @Test
    void absurdHeaderLengthIsRefusedBeforeReadingIt() throws Exception {
        Path path = Files.write(dir.resolve("huge.safetensors"), concat(lengthPrefix(200_000_000), new byte[8]));
        assertEquals(path + ": header length 200000000 is over the 100 MB limit: not a safetensors file,"
                + " or a damaged one", refused(path).getMessage());
    }

    @Test
    void headerLengthWithTheTopBitSetIsReadAsUnsigned() throws Exception {
        Path path = Files.write(dir.resolve("neg.safetensors"), concat(lengthPrefix(-1), new byte[8]));
        assertTrue(refused(path).getMessage().contains("header length 18446744073709551615 is over the 100 MB limit"));
    }

    @Test
    void fileLargerThanTheLimitIsRefusedWithoutReadingIt() throws Exception {
        Path path = file("{}", new byte[0]);
        try (RandomAccessFile sparse = new RandomAccessFile(path.toFile(), "rw")) {
            sparse.setLength(SafeTensors.MAX_FILE_BYTES + 1);
        }
        assertEquals(path + ": file is 104857601 bytes; GateScope reads model files up to 100 MB",
                refused(path).getMessage());
    }

    @Test
    void headerThatIsNotUtf8IsRefused() throws Exception {
        byte[] header = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        Path path = Files.write(dir.resolve("latin.safetensors"), concat(lengthPrefix(header.length), header));
        assertEquals(path + ": header is not valid UTF-8", refused(path).getMessage());
    }

    @Test
    void headerThatIsNotJsonIsRefusedSayingWhere() throws Exception {
        Path path = file("{\"a\" {}}", new byte[0]);
        assertEquals(path + ": header is not valid JSON: invalid JSON at offset 5: expected ':', found '{'",
                refused(path).getMessage());
    }

    @Test
    void headerThatIsNotAnObjectIsRefused() throws Exception {
        Path path = file("[1, 2]", new byte[0]);
        assertEquals(path + ": header is not a JSON object but an array [1, 2]", refused(path).getMessage());
    }

    @Test
    void tensorEntryThatIsNotAnObjectIsRefused() throws Exception {
        Path path = file("{\"a\": \"F32\"}", new byte[0]);
        assertEquals(path + ": tensor a: header entry must be an object, but is a string", refused(path).getMessage());
    }

    @Test
    void tensorWithoutDtypeIsRefused() throws Exception {
        Path path = file("{\"a\": {\"shape\": [1], \"data_offsets\": [0, 4]}}", new byte[4]);
        assertEquals(path + ": tensor a has no dtype", refused(path).getMessage());
    }

    @Test
    void tensorWithoutShapeIsRefused() throws Exception {
        Path path = file("{\"a\": {\"dtype\": \"F32\", \"data_offsets\": [0, 4]}}", new byte[4]);
        assertEquals(path + ": tensor a has no shape", refused(path).getMessage());
    }

    @Test
    void tensorWithoutDataOffsetsIsRefused() throws Exception {
        Path path = file("{\"a\": {\"dtype\": \"F32\", \"shape\": [1]}}", new byte[4]);
        assertEquals(path + ": tensor a has no data_offsets", refused(path).getMessage());
    }

    @Test
    void dtypeThatIsNotAStringIsRefused() throws Exception {
        Path path = file(entry("a", "32", "[1]", "[0, 4]"), new byte[4]);
        assertEquals(path + ": tensor a: dtype must be a string, but is a number", refused(path).getMessage());
    }

    @Test
    void shapeThatIsNotAnArrayOfIntegersIsRefused() throws Exception {
        Path path = file(entry("a", "\"F32\"", "[1.5]", "[0, 4]"), new byte[4]);
        assertEquals(path + ": tensor a: shape must be an array of integers, but is an array [1.5]",
                refused(path).getMessage());
        Path other = file(entry("a", "\"F32\"", "\"1\"", "[0, 4]"), new byte[4]);
        assertEquals(other + ": tensor a: shape must be an array of integers, but is a string",
                refused(other).getMessage());
    }

    @Test
    void dataOffsetsThatAreNotTwoNaturalNumbersAreRefused() throws Exception {
        for (String offsets : List.of("[0]", "[0, 4, 8]", "[-4, 0]", "[0, \"4\"]", "{}")) {
            Path path = file(entry("a", "\"F32\"", "[1]", offsets), new byte[4]);
            assertTrue(refused(path).getMessage().startsWith(
                    path + ": tensor a: data_offsets must be [begin, end], two integers >= 0, but is "), offsets);
        }
    }

    @Test
    void longValuesInMessagesAreCutShort() throws Exception {
        String hugeShape = "[-1" + ", 2".repeat(10_000) + "]";
        Path path = file(entry("a", "\"F32\"", hugeShape, "[0, 0]"), new byte[0]);
        String message = refused(path).getMessage();
        assertTrue(message.endsWith("has a negative dimension in shape [-1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,"
                + " 2, 2, 2, 2..."), message);
    }

    @Test
    void unsupportedDtypeIsRefusedNamingIt() throws Exception {
        Path path = file(entry("embedding.weight", "\"BF16\"", "[2]", "[0, 4]"), new byte[4]);
        assertEquals(path + ": tensor embedding.weight has dtype BF16; GateScope reads F32 and F64 only",
                refused(path).getMessage());
    }

    @Test
    void negativeDimensionIsRefused() throws Exception {
        Path path = file(entry("a", "\"F32\"", "[2, -1]", "[0, 0]"), new byte[0]);
        assertEquals(path + ": tensor a has a negative dimension in shape [2, -1]", refused(path).getMessage());
    }

    @Test
    void offsetsPastTheEndOfTheDataAreRefused() throws Exception {
        Path path = file(entry("a", "\"F32\"", "[4]", "[0, 16]"), new byte[8]);
        assertEquals(path + ": tensor a: data_offsets [0, 16] run past the end of the data, which holds 8 bytes",
                refused(path).getMessage());
    }

    @Test
    void offsetsThatBeginAfterTheyEndAreRefused() throws Exception {
        Path path = file(entry("a", "\"F32\"", "[1]", "[8, 4]"), new byte[8]);
        assertEquals(path + ": tensor a: data_offsets [8, 4] begin after they end", refused(path).getMessage());
    }

    @Test
    void offsetsThatDisagreeWithTheShapeAreRefused() throws Exception {
        Path path = file(entry("rnn.weight_hh_l0", "\"F32\"", "[16, 64]", "[0, 96]"), new byte[96]);
        assertEquals(path + ": tensor rnn.weight_hh_l0: data_offsets [0, 96] hold 96 bytes but shape [16, 64]"
                + " of F32 needs 4096", refused(path).getMessage());
    }

    @Test
    void overlappingTensorsAreRefusedNamingBoth() throws Exception {
        String header = "{\"a\": {\"dtype\": \"F32\", \"shape\": [4], \"data_offsets\": [0, 16]},"
                + " \"b\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [24, 32]},"
                + " \"c\": {\"dtype\": \"F64\", \"shape\": [2], \"data_offsets\": [8, 24]}}";
        Path path = file(header, new byte[32]);
        assertEquals(path + ": tensors a and c overlap: data_offsets [0, 16] and [8, 24]", refused(path).getMessage());
    }

    @Test
    void tensorInsideALongerOneIsAnOverlapToo() throws Exception {
        String header = "{\"long\": {\"dtype\": \"F32\", \"shape\": [8], \"data_offsets\": [0, 32]},"
                + " \"mid\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 8]},"
                + " \"late\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [20, 24]}}";
        Path path = file(header, new byte[32]);
        assertTrue(refused(path).getMessage().contains("tensors long and mid overlap"));
    }

    @Test
    void tensorNamedTwiceIsRefused() throws Exception {
        String header = "{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]},"
                + " \"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 8]}}";
        Path path = file(header, new byte[8]);
        assertTrue(refused(path).getMessage().contains("duplicate key \"a\""));
    }

    @Test
    void metadataWithANonStringValueIsRefused() throws Exception {
        Path path = file("{\"__metadata__\": {\"cell\": \"lstm\", \"hidden\": 16}}", new byte[0]);
        assertEquals(path + ": __metadata__ must map strings to strings, but \"hidden\" maps to a number",
                refused(path).getMessage());
    }

    @Test
    void metadataThatIsNotAnObjectIsRefused() throws Exception {
        Path path = file("{\"__metadata__\": [\"cell\", \"lstm\"]}", new byte[0]);
        assertEquals(path + ": __metadata__ must be an object mapping strings to strings, but is an array"
                + " [cell, lstm]", refused(path).getMessage());
    }

    @Test
    void nullMetadataReadsAsNone() throws Exception {
        Path path = file("{\"__metadata__\": null}", new byte[0]);
        assertEquals(Map.of(), SafeTensors.read(path).metadata());
    }

    // ---- helpers ----

    private ModelFileException refused(Path path) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> SafeTensors.read(path));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertEquals(path, e.file());
        return e;
    }

    private static SafeTensorsFile file(Map<String, String> metadata, Tensor... tensors) {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (Tensor t : tensors) {
            map.put(t.name(), t);
        }
        return new SafeTensorsFile(metadata, map);
    }

    private static void assertTensorEquals(Tensor expected, Tensor actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.dtype(), actual.dtype());
        assertArrayEquals(expected.shape(), actual.shape());
        assertArrayEquals(expected.data(), actual.data());
    }

    /** A file with this header (unpadded) and data buffer. */
    private Path file(String header, byte[] data) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return Files.write(dir.resolve("f" + counter++ + ".safetensors"),
                concat(lengthPrefix(json.length), json, data));
    }

    private static String entry(String name, String dtype, String shape, String offsets) {
        return "{\"" + name + "\": {\"dtype\": " + dtype + ", \"shape\": " + shape
                + ", \"data_offsets\": " + offsets + "}}";
    }

    /** The reference implementation's bytes: length, header padded with spaces to 8, data. */
    private static byte[] referenceLayout(String header, byte[] data) {
        String padded = header + " ".repeat((8 - header.length() % 8) % 8);
        return concat(lengthPrefix(padded.length()), padded.getBytes(StandardCharsets.UTF_8), data);
    }

    private String headerOf(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        int length = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new String(bytes, 8, length, StandardCharsets.UTF_8);
    }

    private List<Path> listDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static byte[] lengthPrefix(long length) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(length).array();
    }

    private static byte[] f32(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }
}
