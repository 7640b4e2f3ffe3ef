package dev.eliza.persistence.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code /proc} says about the processes of one PostgreSQL cluster. A postmaster killed with {@code kill -9}
 * is reparented to PID 1, which in a container may never reap it: it stays a zombie that {@code kill(pid, 0)}
 * (and so PostgreSQL's own lock-file check, and {@link ProcessHandle#isAlive()}) still takes for alive.
 */
final class PostmasterProcesses {
    private static final Path PROC = Path.of("/proc");

    private PostmasterProcesses() {
    }

    /** Whether {@code pid} runs: it exists and is neither a zombie nor dead. */
    static boolean running(long pid) {
        Path stat = PROC.resolve(Long.toString(pid)).resolve("stat");
        if (!Files.isDirectory(PROC)) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            String text = Files.readString(stat, StandardCharsets.UTF_8);
            // the command name in parentheses may itself hold spaces or parentheses: the state follows the last ')'
            char state = text.charAt(text.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | IndexOutOfBoundsException gone) {
            return false;
        }
    }

    /**
     * A running process whose working directory is {@code cluster}: every PostgreSQL process (postmaster and
     * backends) works there, so none left means the old server's shared memory is no longer in use.
     */
    static Optional<Long> insideCluster(Path cluster) {
        if (!Files.isDirectory(PROC)) {
            return Optional.empty();
        }
        Path target;
        try {
            target = cluster.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                if (cwd(entry).filter(target::equals).isPresent() && running(pid)) {
                    return Optional.of(pid);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Path> cwd(Path process) {
        try {
            return Optional.of(Files.readSymbolicLink(process.resolve("cwd")).normalize());
        } catch (IOException | UnsupportedOperationException notOurs) {
            return Optional.empty();
        }
    }
}
