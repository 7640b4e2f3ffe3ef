package dev.eliza.providers.audio.offline;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program: at the path a setting names, else on the {@code PATH} (no shell involved). */
final class Binaries {
    private Binaries() {
    }

    static Optional<Path> find(Optional<String> configured, String name, String searchPath) {
        if (configured.isPresent()) {
            Path path = Path.of(configured.get());
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
