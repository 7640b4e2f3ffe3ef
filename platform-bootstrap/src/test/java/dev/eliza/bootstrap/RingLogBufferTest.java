package dev.eliza.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.eliza.platform.logging.LogBuffer;

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

    @Test
    void subscribersGetEachNewRecordUntilTheyClose() {
        RingLogBuffer buffer = new RingLogBuffer(10);
        buffer.add(new LogEntry(1, 30, "before", "l"));
        List<String> heard = new CopyOnWriteArrayList<>();
        LogBuffer.Subscription subscription = buffer.subscribe(entry -> heard.add(entry.msg()));
        buffer.add(new LogEntry(2, 30, "during", "l"));
        subscription.close();
        subscription.close();
        buffer.add(new LogEntry(3, 30, "after", "l"));
        assertThat(heard).containsExactly("during");
        assertThat(buffer.size()).isEqualTo(3);
    }

    @Test
    void whatAListenerLogsIsNotHandedBackAndItsFailureHarmsNoOther() {
        RingLogBuffer buffer = new RingLogBuffer(10);
        List<String> heard = new CopyOnWriteArrayList<>();
        buffer.subscribe(entry -> {
            throw new IllegalStateException("broken listener");
        });
        buffer.subscribe(entry -> {
            heard.add(entry.msg());
            buffer.add(new LogEntry(9, 30, "logged by the listener", "l"));
        });
        buffer.add(new LogEntry(1, 30, "original", "l"));
        assertThat(heard).containsExactly("original");
        assertThat(buffer.recent(10, 0)).extracting(LogEntry::msg)
                .containsExactly("original", "logged by the listener");
    }
}
