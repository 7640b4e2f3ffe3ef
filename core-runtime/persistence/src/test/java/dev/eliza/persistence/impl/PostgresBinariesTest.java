package dev.eliza.persistence.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the server's binaries come from: the distribution's unpacked copy first, the bundle's archive else. */
class PostgresBinariesTest {
    @TempDir
    Path temp;

    @Test
    void theDistributionsUnpackedServerIsUsedAsItIs() throws Exception {
        Path shipped = temp.resolve("pgsql");
        Path pgCtl = Files.createDirectories(shipped.resolve("17.6.0/bin")).resolve("pg_ctl");
        Files.writeString(pgCtl, "#!/bin/sh\n");
        Files.setPosixFilePermissions(pgCtl, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = temp.resolve("data");

        assertThat(PostgresBinaries.locate(data, Optional.of(shipped), "17.6.0")).isEqualTo(shipped.resolve("17.6.0"));
        assertThat(data).doesNotExist();
    }

    @Test
    void withoutAnUnpackedServerTheBundlesArchiveIsUnpackedIntoTheDataFolder() {
        Path data = temp.resolve("data");
        Path located = PostgresBinaries.locate(data, Optional.of(temp.resolve("no-pgsql")), "test-binaries");
        assertThat(located).isEqualTo(data.resolve("postgres-bin/test-binaries"));
        assertThat(located.resolve("bin/pg_ctl")).isExecutable();
    }
}
