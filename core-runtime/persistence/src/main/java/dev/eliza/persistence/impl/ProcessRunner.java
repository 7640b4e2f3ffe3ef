package dev.eliza.persistence.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.eliza.persistence.api.PersistenceException;

/**
 * Runs the PostgreSQL tools. PostgreSQL refuses to run as root, so as root each command runs in a user namespace
 * where it is an ordinary user (util-linux {@code unshare}); the files it writes still belong to the real user.
 */
final class ProcessRunner {
    private final boolean root;

    ProcessRunner() {
        this(isRoot());
    }

    ProcessRunner(boolean root) {
        this.root = root;
    }

    String run(Path logFile, long timeoutSeconds, String... command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("unshare", "--user", "--map-user=1000", "--map-group=1000"));
        }
        full.addAll(List.of(command));
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PersistenceException(command[0] + " did not finish within " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new PersistenceException(Path.of(command[0]).getFileName() + " failed with exit code "
                        + process.exitValue() + "; see " + logFile + ": " + tail(logFile));
            }
            return tail(logFile);
        } catch (IOException e) {
            throw new PersistenceException("Cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("Interrupted while running " + command[0], e);
        }
    }

    private static String tail(Path logFile) throws IOException {
        List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
