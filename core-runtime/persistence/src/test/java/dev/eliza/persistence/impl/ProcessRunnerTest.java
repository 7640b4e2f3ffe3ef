package dev.eliza.persistence.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.eliza.persistence.api.PersistenceException;

class ProcessRunnerTest {
    @TempDir
    Path dir;

    @Test
    void returnsTheTailOfTheOutput() {
        String out = new ProcessRunner(false).run(dir.resolve("log"), 10, "sh", "-c", "echo one; echo two");
        assertThat(out).isEqualTo("one | two");
    }

    @Test
    void aFailingCommandReportsItsExitCodeAndOutput() {
        assertThatThrownBy(() -> new ProcessRunner(false).run(dir.resolve("log"), 10, "sh", "-c", "echo nope; exit 3"))
                .isInstanceOf(PersistenceException.class).hasMessageContaining("exit code 3").hasMessageContaining("nope");
    }

    @Test
    void readsThePidPostgresRecorded() throws Exception {
        assertThat(EmbeddedPostgres.PostmasterPid.read(dir)).isEmpty();
        Files.writeString(dir.resolve("postmaster.pid"), "1234\n/data\n");
        assertThat(EmbeddedPostgres.PostmasterPid.read(dir)).contains(1234L);
        Files.writeString(dir.resolve("postmaster.pid"), "garbage\n");
        assertThat(EmbeddedPostgres.PostmasterPid.read(dir)).isEmpty();
    }
}
