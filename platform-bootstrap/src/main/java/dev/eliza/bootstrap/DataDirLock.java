package dev.eliza.bootstrap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Exclusive use of a data folder by one process: an OS file lock on {@code eliza.lock}, which also names the owner's
 * pid. The operating system drops the lock when the process ends, however it ends, so a lock that can be taken
 * means that whatever PostgreSQL still runs on the folder is an orphan.
 */
final class DataDirLock {
    static final String FILE = "eliza.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or fails naming the process that holds it. */
    static DataDirLock acquire(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new InUseException(dataDir, owner(file));
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        channel.force(false);
        return new DataDirLock(channel, lock);
    }

    void release() throws IOException {
        lock.release();
        channel.close();
    }

    private static Optional<Long> owner(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The folder is locked by another process (or another platform in this one). */
    static final class InUseException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Long> owner;

        InUseException(Path dataDir, Optional<Long> owner) {
            super("The data directory " + dataDir + " is in use by "
                    + owner.map(pid -> "process " + pid).orElse("another process")
                    + " (another eliza-server). Stop that one first, or give this one its own DATA_DIR.");
            this.owner = owner;
        }

        Optional<Long> owner() {
            return owner;
        }
    }
}
