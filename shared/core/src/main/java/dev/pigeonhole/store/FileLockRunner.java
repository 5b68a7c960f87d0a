package dev.pigeonhole.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/** Runs an action while holding an exclusive lock on a lock file, excluding other threads and other processes. */
final class FileLockRunner {

    /** Work that may fail with an IOException. */
    @FunctionalInterface
    interface IoAction<T> {
        T run() throws IOException;
    }

    // A JVM may hold only one FileLock per file (a second one throws OverlappingFileLockException), so threads
    // first queue on an in-process lock. The stripes are static so that two store instances on one root agree.
    private static final ReentrantLock[] STRIPES = new ReentrantLock[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new ReentrantLock();
        }
    }

    private FileLockRunner() {
    }

    static <T> T withLock(Path lockFile, IoAction<T> action) throws IOException {
        ReentrantLock stripe = STRIPES[Math.floorMod(lockFile.hashCode(), STRIPES.length)];
        stripe.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return action.run();
        } finally {
            stripe.unlock();
        }
    }
}
