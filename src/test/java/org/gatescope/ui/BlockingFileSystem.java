package org.gatescope.ui;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import javafx.application.Platform;

/**
 * A test-only file system whose files are real files (each {@link Path} of it wraps a path of the
 * default file system, e.g. under a {@code @TempDir}) but whose channel and stream opens wait,
 * once {@link #block() blocked}, until the test {@link Gate#release() releases} them: a disk that
 * hangs on demand. It also notes every call made on the FX application thread, where no file work
 * belongs.
 */
public final class BlockingFileSystem extends FileSystem {

    /** One blocking of the opens: tells when an open has begun waiting, and lets it go on. */
    public static final class Gate {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile String waitingThread = "";

        /** Waits until some thread is held at an open of this file system. */
        public boolean awaitBlocked(long seconds) throws InterruptedException {
            return entered.await(seconds, TimeUnit.SECONDS);
        }

        /** The name of the thread held at the open. */
        public String waitingThread() {
            return waitingThread;
        }

        public void release() {
            released.countDown();
        }

        void pass() throws IOException {
            waitingThread = Thread.currentThread().getName();
            entered.countDown();
            try {
                if (!released.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("the test never released the blocked open");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.nio.channels.ClosedByInterruptException();
            }
        }
    }

    private final FileSystem real = FileSystems.getDefault();
    private final Provider provider = new Provider();
    private final List<String> fxThreadCalls = new CopyOnWriteArrayList<>();
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private volatile Gate gate;

    /** This file system's path for {@code realPath} (a path of the default file system). */
    public Path wrap(Path realPath) {
        return realPath == null ? null : new WrappedPath(this, realPath);
    }

    /** From now on, every channel or stream opened waits until the returned gate is released. */
    public Gate block() {
        Gate next = new Gate();
        gate = next;
        return next;
    }

    /** What was asked of this file system on the FX application thread (nothing, we hope). */
    public List<String> fxThreadCalls() {
        return List.copyOf(fxThreadCalls);
    }

    /** Every path a channel or stream was opened on, in order. */
    public List<Path> opened() {
        return List.copyOf(opened);
    }

    private void note(String operation, Path path) {
        if (Platform.isFxApplicationThread()) {
            fxThreadCalls.add(operation + " " + path);
        }
    }

    private void open(String operation, Path path) throws IOException {
        note(operation, path);
        opened.add(path);
        Gate current = gate;
        if (current != null) {
            current.pass();
        }
    }

    private static Path unwrap(Path path) {
        if (path instanceof WrappedPath wrapped) {
            return wrapped.delegate;
        }
        throw new ProviderMismatchException("not a path of the blocking file system: " + path);
    }

    // ---- FileSystem -------------------------------------------------------------------------------

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return real.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return StreamSupport.stream(real.getRootDirectories().spliterator(), false).map(this::wrap).toList();
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return real.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return real.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return wrap(real.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher matcher = real.getPathMatcher(syntaxAndPattern);
        return path -> matcher.matches(unwrap(path));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return real.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException();
    }

    // ---- the provider: every call to the default one, opens through the gate ------------------------

    private final class Provider extends FileSystemProvider {

        private FileSystemProvider real() {
            return real.provider();
        }

        @Override
        public String getScheme() {
            return "blocking";
        }

        @Override
        public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileSystem getFileSystem(URI uri) {
            return BlockingFileSystem.this;
        }

        @Override
        public Path getPath(URI uri) {
            return wrap(Path.of(URI.create("file:" + uri.getSchemeSpecificPart())));
        }

        @Override
        public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                                  FileAttribute<?>... attrs) throws IOException {
            open("newByteChannel", path);
            return real().newByteChannel(unwrap(path), options, attrs);
        }

        @Override
        public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options,
                                          FileAttribute<?>... attrs) throws IOException {
            open("newFileChannel", path);
            return real().newFileChannel(unwrap(path), options, attrs);
        }

        @Override
        public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
                throws IOException {
            note("newDirectoryStream", dir);
            DirectoryStream<Path> stream = real().newDirectoryStream(unwrap(dir), p -> filter.accept(wrap(p)));
            return new DirectoryStream<>() {
                @Override
                public java.util.Iterator<Path> iterator() {
                    java.util.Iterator<Path> it = stream.iterator();
                    return new java.util.Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Path next() {
                            return wrap(it.next());
                        }
                    };
                }

                @Override
                public void close() throws IOException {
                    stream.close();
                }
            };
        }

        @Override
        public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
            note("createDirectory", dir);
            real().createDirectory(unwrap(dir), attrs);
        }

        @Override
        public void delete(Path path) throws IOException {
            note("delete", path);
            real().delete(unwrap(path));
        }

        @Override
        public void copy(Path source, Path target, CopyOption... options) throws IOException {
            note("copy", source);
            real().copy(unwrap(source), unwrap(target), options);
        }

        @Override
        public void move(Path source, Path target, CopyOption... options) throws IOException {
            note("move", source);
            real().move(unwrap(source), unwrap(target), options);
        }

        @Override
        public boolean isSameFile(Path path, Path path2) throws IOException {
            note("isSameFile", path);
            return real().isSameFile(unwrap(path), unwrap(path2));
        }

        @Override
        public boolean isHidden(Path path) throws IOException {
            note("isHidden", path);
            return real().isHidden(unwrap(path));
        }

        @Override
        public FileStore getFileStore(Path path) throws IOException {
            note("getFileStore", path);
            return real().getFileStore(unwrap(path));
        }

        @Override
        public void checkAccess(Path path, AccessMode... modes) throws IOException {
            note("checkAccess", path);
            real().checkAccess(unwrap(path), modes);
        }

        @Override
        public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type,
                                                                    LinkOption... options) {
            note("getFileAttributeView", path);
            return real().getFileAttributeView(unwrap(path), type, options);
        }

        @Override
        public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
                throws IOException {
            note("readAttributes", path);
            return real().readAttributes(unwrap(path), type, options);
        }

        @Override
        public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
                throws IOException {
            note("readAttributes", path);
            return real().readAttributes(unwrap(path), attributes, options);
        }

        @Override
        public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
                throws IOException {
            note("setAttribute", path);
            real().setAttribute(unwrap(path), attribute, value, options);
        }
    }

    // ---- the path: a real path, answering to this file system ---------------------------------------

    private static final class WrappedPath implements Path {

        private final BlockingFileSystem fileSystem;
        private final Path delegate;

        WrappedPath(BlockingFileSystem fileSystem, Path delegate) {
            this.fileSystem = fileSystem;
            this.delegate = delegate;
        }

        private Path wrap(Path path) {
            return fileSystem.wrap(path);
        }

        @Override
        public FileSystem getFileSystem() {
            return fileSystem;
        }

        @Override
        public boolean isAbsolute() {
            return delegate.isAbsolute();
        }

        @Override
        public Path getRoot() {
            return wrap(delegate.getRoot());
        }

        @Override
        public Path getFileName() {
            return wrap(delegate.getFileName());
        }

        @Override
        public Path getParent() {
            return wrap(delegate.getParent());
        }

        @Override
        public int getNameCount() {
            return delegate.getNameCount();
        }

        @Override
        public Path getName(int index) {
            return wrap(delegate.getName(index));
        }

        @Override
        public Path subpath(int beginIndex, int endIndex) {
            return wrap(delegate.subpath(beginIndex, endIndex));
        }

        @Override
        public boolean startsWith(Path other) {
            return other instanceof WrappedPath w && delegate.startsWith(w.delegate);
        }

        @Override
        public boolean endsWith(Path other) {
            return other instanceof WrappedPath w && delegate.endsWith(w.delegate);
        }

        @Override
        public Path normalize() {
            return wrap(delegate.normalize());
        }

        @Override
        public Path resolve(Path other) {
            return wrap(delegate.resolve(unwrap(other)));
        }

        @Override
        public Path relativize(Path other) {
            return wrap(delegate.relativize(unwrap(other)));
        }

        @Override
        public URI toUri() {
            return URI.create("blocking:" + delegate.toUri().getRawPath());
        }

        @Override
        public Path toAbsolutePath() {
            return wrap(delegate.toAbsolutePath());
        }

        @Override
        public Path toRealPath(LinkOption... options) throws IOException {
            return wrap(delegate.toRealPath(options));
        }

        @Override
        public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int compareTo(Path other) {
            return delegate.compareTo(unwrap(other));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WrappedPath w && w.fileSystem == fileSystem && w.delegate.equals(delegate);
        }

        @Override
        public int hashCode() {
            return delegate.hashCode();
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
