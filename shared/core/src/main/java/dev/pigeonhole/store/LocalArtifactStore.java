package dev.pigeonhole.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An {@link ArtifactStore} in a local directory, safe for threads and processes sharing it; etags are content SHA-256. */
public final class LocalArtifactStore implements ArtifactStore {

    // Temp files (.<name>.<uuid>.tmp) and lock files (.<name>.lock) sit beside the objects they guard.

    private final Path root;
    private volatile boolean hardLinksWork = true;

    public LocalArtifactStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The absolute directory holding the objects. */
    public Path root() {
        return root;
    }

    @Override
    public Optional<StoredObject> get(String key) {
        Path file = fileFor(key);
        try {
            byte[] data = Files.readAllBytes(file);
            return Optional.of(new StoredObject(data, Sha256.hex(data)));
        } catch (NoSuchFileException e) {
            // Absent when read, whatever a concurrent writer did since: checking again could find it
            // created and turn a clean "absent" into a failure.
            return Optional.empty();
        } catch (IOException e) {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            throw failure("read", key, e);
        }
    }

    @Override
    public void put(String key, byte[] data) {
        Path file = fileFor(key);
        Objects.requireNonNull(data, "data");
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            Path prepared = temp = writeTemp(file, data);
            // Taken so that a put cannot slip between the read and the rename of a concurrent replaceIf.
            FileLockRunner.withLock(lockFileFor(file), () -> {
                moveIntoPlace(prepared, file);
                return null;
            });
        } catch (IOException e) {
            throw failure("write", key, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public boolean putIfAbsent(String key, byte[] data) {
        Path file = fileFor(key);
        Objects.requireNonNull(data, "data");
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = writeTemp(file, data);
            if (hardLinksWork) {
                try {
                    // link(2) fails atomically when the target exists, across threads and processes.
                    Files.createLink(file, temp);
                    return true;
                } catch (FileAlreadyExistsException e) {
                    return false;
                } catch (UnsupportedOperationException e) {
                    hardLinksWork = false;
                } catch (FileSystemException e) {
                    if (e.getClass() != FileSystemException.class) {
                        throw e;
                    }
                    hardLinksWork = false;
                }
            }
            Path prepared = temp;
            return FileLockRunner.withLock(lockFileFor(file), () -> {
                if (Files.exists(file)) {
                    return false;
                }
                moveIntoPlace(prepared, file);
                return true;
            });
        } catch (IOException e) {
            throw failure("create", key, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public boolean replaceIf(String key, byte[] data, String expectedEtag) {
        Path file = fileFor(key);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(expectedEtag, "expectedEtag");
        if (!Files.isDirectory(file.getParent())) {
            return false;
        }
        try {
            return FileLockRunner.withLock(lockFileFor(file), () -> {
                byte[] current;
                try {
                    current = Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    return false;
                }
                if (!Sha256.hex(current).equals(expectedEtag)) {
                    return false;
                }
                moveIntoPlace(writeTemp(file, data), file);
                return true;
            });
        } catch (IOException e) {
            throw failure("replace", key, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        StoreKeys.requireValidPrefix(prefix);
        int slash = prefix.lastIndexOf('/');
        String startDir = slash < 0 ? "" : prefix.substring(0, slash + 1);
        List<String> keys = new ArrayList<>();
        try {
            collect(startDir.isEmpty() ? root : root.resolve(startDir), startDir, prefix, keys);
        } catch (IOException e) {
            throw new StoreException("cannot list '" + prefix + "' in " + describe() + ": " + e, e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public String describe() {
        return "file:" + root;
    }

    @Override
    public String toString() {
        return describe();
    }

    private void collect(Path dir, String dirKey, String prefix, List<String> keys) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue; // temp and lock files; never valid keys
                }
                String key = dirKey + name;
                if (Files.isDirectory(entry)) {
                    String subKey = key + "/";
                    if (subKey.startsWith(prefix) || prefix.startsWith(subKey)) {
                        collect(entry, subKey, prefix, keys);
                    }
                } else if (key.startsWith(prefix) && Files.isRegularFile(entry)) {
                    keys.add(key);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            // nothing under this prefix (or the directory vanished while we walked)
        }
    }

    private Path fileFor(String key) {
        return root.resolve(StoreKeys.requireValidKey(key));
    }

    private static Path lockFileFor(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".lock");
    }

    private static Path writeTemp(Path file, byte[] data) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            // Flushed before the rename so that a crash never leaves a visible but truncated object.
            channel.force(true);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw e;
        }
        return temp;
    }

    private static void moveIntoPlace(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover temp file is harmless: dot-names are never listed
        }
    }

    private StoreException failure(String action, String key, IOException e) {
        return new StoreException("cannot " + action + " '" + key + "' in " + describe() + ": " + e, e);
    }
}
