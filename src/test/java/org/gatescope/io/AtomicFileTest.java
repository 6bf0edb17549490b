package org.gatescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gatescope.ui.BlockingFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writeCreatesTheFile() throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFile.write(target, out -> out.write("hello".getBytes()));
        assertEquals("hello", Files.readString(target));
        assertEquals(List.of(target), listDir());
    }

    @Test
    void failedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("out.txt"), "old");
        var e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), listDir());
    }

    @Test
    void failureInsideTheContentStillRemovesTheTemporaryFile() throws IOException {
        Path target = dir.resolve("out.txt");
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, out -> {
            throw new IllegalStateException("bug");
        }));
        assertEquals(List.of(), listDir());
    }

    @Test
    void targetThatIsADirectoryIsRefused() throws IOException {
        Path target = Files.createDirectory(dir.resolve("sub"));
        var e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> out.write(1)));
        assertEquals("it is a directory", e.getMessage());
    }

    @Test
    void writesThroughAnotherFileSystemProviderWithItsTemporaryFileBesideTheTarget() throws IOException {
        BlockingFileSystem other = new BlockingFileSystem();
        Files.writeString(dir.resolve("out.txt"), "old");
        Path target = other.wrap(dir.resolve("out.txt"));

        AtomicFile.write(target, out -> out.write("new".getBytes()));

        assertEquals("new", Files.readString(dir.resolve("out.txt")));
        assertEquals(List.of(dir.resolve("out.txt")), listDir());
        Path temporary = other.opened().get(0);
        assertSame(other, temporary.getFileSystem(), "written through the target's own provider");
        assertEquals(target.toAbsolutePath().getParent(), temporary.getParent());
    }

    private List<Path> listDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
