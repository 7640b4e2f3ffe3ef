package dev.eliza.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.eliza.platform.logging.LogEntry;

class RingLogBufferTest {
    @Test
    void keepsTheNewestUpToCapacityOldestFirst() {
        RingLogBuffer buffer = new RingLogBuffer(3);
        for (int i = 1; i <= 5; i++) {
            buffer.add(new LogEntry(i, i % 2 == 0 ? 50 : 30, "m" + i, "l"));
        }
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.recent(10, 0)).extracting(LogEntry::msg).containsExactly("m3", "m4", "m5");
        assertThat(buffer.recent(2, 0)).extracting(LogEntry::msg).containsExactly("m4", "m5");
        assertThat(buffer.recent(10, 40)).extracting(LogEntry::msg).containsExactly("m4");
        buffer.clear();
        assertThat(buffer.recent(10, 0)).isEmpty();
    }
}
