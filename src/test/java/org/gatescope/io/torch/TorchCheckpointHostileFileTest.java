package org.gatescope.io.torch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gatescope.io.ModelFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a checkpoint that is broken or hostile gets: one line naming the problem, and nothing run. */
class TorchCheckpointHostileFileTest {

    @TempDir
    Path dir;

    @Test
    void aPickleNamingOsSystemIsRefusedByNameBeforeAnythingRuns() throws IOException {
        Path marker = dir.resolve("pwned");
        // pickle.dumps of os.system("touch <marker>"), protocol 2
        byte[] pickle = concat(bytes("\u0080\u0002cos\nsystem\nq\u0000X"), u32(("touch " + marker).length()),
                bytes("touch " + marker), bytes("q\u0001\u0085q\u0002Rq\u0003."));
        Path file = zip("evil.pt", "archive/data.pkl", pickle);
        String message = refusal(file);
        assertTrue(message.contains("os.system"), message);
        assertTrue(Files.notExists(marker), "nothing from the file was executed");
    }

    @Test
    void anyGlobalOutsideTheAllowListIsRefused() throws IOException {
        byte[] pickle = bytes("\u0080\u0002cbuiltins\neval\nq\u0000.");
        String message = refusal(zip("eval.pt", "archive/data.pkl", pickle));
        assertTrue(message.contains("builtins.eval"), message);
    }

    @Test
    void aZipEntryClaimingGigabytesIsRefusedBeforeItIsRead() throws IOException {
        Path file = dir.resolve("bomb.pt");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 80; i++) {
                zip.write(zeros); // 80 MB of zeros deflate to ~80 KB
            }
            zip.closeEntry();
        }
        String message = refusal(file);
        assertTrue(message.contains("archive/data.pkl"), message);
    }

    @Test
    void aStorageShorterThanItsTensorIsRefused() throws IOException {
        // {"w": tensor of 4 floats} whose storage entry holds 8 bytes
        byte[] pickle = concat(bytes("\u0080\u0002ccollections\nOrderedDict\nq\u0000)Rq\u0001(X"), u32(1), bytes("w"),
                bytes("ctorch._utils\n_rebuild_tensor_v2\nq\u0002((X"), u32(7), bytes("storage"),
                bytes("ctorch\nFloatStorage\nq\u0003X"), u32(1), bytes("0"), bytes("X"), u32(3), bytes("cpu"),
                bytes("K\u0004tQK\u0000K\u0004\u0085K\u0001\u0085\u0089h\u0000)RtRu."));
        Path file = zipOf("short.pt", new String[] {"archive/data.pkl", "archive/data/0"},
                new byte[][] {pickle, new byte[8]});
        String message = refusal(file);
        assertTrue(message.contains("tensor w") && message.contains("8 bytes"), message);
    }

    @Test
    void emptyFilesDirectoriesAndOtherFilesAreNamedForWhatTheyAre() throws IOException {
        Path empty = Files.write(dir.resolve("empty.pt"), new byte[0]);
        assertTrue(refusal(empty).contains("empty"), refusal(empty));
        assertTrue(refusal(dir).contains("directory"), refusal(dir));
        Path text = Files.writeString(dir.resolve("notes.pt"), "hello, this is not a model");
        assertTrue(refusal(text).contains("not a PyTorch checkpoint"), refusal(text));
        Path truncated = zip("cut.pt", "archive/data.pkl", bytes("\u0080\u0002ccollections\nOrderedDict\nq\u0000)R"));
        assertTrue(refusal(truncated).contains("damaged"), refusal(truncated));
    }

    private static String refusal(Path file) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> TorchCheckpoint.read(file));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private Path zip(String name, String entry, byte[] content) throws IOException {
        return zipOf(name, new String[] {entry}, new byte[][] {content});
    }

    private Path zipOf(String name, String[] entries, byte[][] contents) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i++) {
                ZipEntry entry = new ZipEntry(entries[i]);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(contents[i].length);
                CRC32 crc = new CRC32();
                crc.update(contents[i]);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(contents[i]);
                zip.closeEntry();
            }
        }
        return file;
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] u32(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
