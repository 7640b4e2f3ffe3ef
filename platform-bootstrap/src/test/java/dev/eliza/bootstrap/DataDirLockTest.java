package dev.eliza.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {
    @TempDir
    Path data;

    @Test
    void aHeldFolderIsRefusedNamingItsOwnerUntilReleased() throws Exception {
        DataDirLock first = DataDirLock.acquire(data);
        assertThat(Files.readString(data.resolve(DataDirLock.FILE)).trim())
                .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        assertThatThrownBy(() -> DataDirLock.acquire(data))
                .isInstanceOfSatisfying(DataDirLock.InUseException.class,
                        e -> assertThat(e.owner()).contains(ProcessHandle.current().pid()))
                .hasMessageContaining("in use by process " + ProcessHandle.current().pid());
        first.release();
        DataDirLock.acquire(data).release();
    }
}
