package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.eliza.agents.api.AgentLog;

class JournalBatcherTest {
    private final List<List<AgentLog>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch writerBusy = new CountDownLatch(1);
    private volatile boolean hold;
    private JournalBatcher batcher;

    @AfterEach
    void close() throws InterruptedException {
        release.countDown();
        if (batcher != null) {
            batcher.close();
        }
    }

    private JournalBatcher batcher(int capacity) {
        batcher = new JournalBatcher(batch -> {
            if (hold && Thread.currentThread().getName().equals("journal-writer")) {
                writerBusy.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            batches.add(List.copyOf(batch));
        }, capacity, task -> new Thread(task, "journal-writer"));
        return batcher;
    }

    private static AgentLog entry() {
        return new AgentLog(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Optional.empty(), "run_event",
                JsonNodeFactory.instance.objectNode(), 0);
    }

    private int writtenCount() {
        return batches.stream().mapToInt(List::size).sum();
    }

    @Test
    void aFlushReturnsOnceEveryEarlierEntryIsWritten() {
        JournalBatcher journal = batcher(100);
        for (int i = 0; i < 50; i++) {
            journal.add(entry());
        }

        journal.flush(Duration.ofSeconds(10));

        assertThat(writtenCount()).isEqualTo(50);
    }

    @Test
    void entriesQueuedWhileABatchIsWrittenGoTogetherInTheNext() {
        hold = true;
        JournalBatcher journal = batcher(100);
        journal.add(entry());
        for (int i = 0; i < 30; i++) {
            journal.add(entry());
        }
        release.countDown();

        journal.flush(Duration.ofSeconds(10));

        assertThat(writtenCount()).isEqualTo(31);
        assertThat(batches.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void aFullQueueMakesTheCallerWriteItsEntryItselfSoNothingIsDropped() throws InterruptedException {
        hold = true;
        JournalBatcher journal = batcher(2);
        journal.add(entry());
        assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
        journal.add(entry());
        journal.add(entry());
        AgentLog overflow = entry();

        journal.add(overflow);

        assertThat(batches).singleElement().satisfies(batch -> assertThat(batch).containsExactly(overflow));
        release.countDown();
        journal.flush(Duration.ofSeconds(10));
        assertThat(writtenCount()).isEqualTo(4);
    }

    @Test
    void closingWritesWhatIsStillQueued() throws InterruptedException {
        hold = true;
        JournalBatcher journal = batcher(100);
        for (int i = 0; i < 10; i++) {
            journal.add(entry());
        }
        release.countDown();

        journal.close();

        assertThat(writtenCount()).isEqualTo(10);
        journal.add(entry());
        assertThat(writtenCount()).isEqualTo(11);
    }

    @Test
    void aFailingWriteIsLoggedAndTheWriterGoesOn() {
        batcher = new JournalBatcher(batch -> {
            if (batch.size() == 1 && batch.get(0).type().equals("bad")) {
                throw new IllegalStateException("database down");
            }
            batches.add(batch);
        }, 100, Thread::new);
        batcher.add(new AgentLog(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Optional.empty(), "bad",
                JsonNodeFactory.instance.objectNode(), 0));
        batcher.flush(Duration.ofSeconds(10));
        batcher.add(entry());

        batcher.flush(Duration.ofSeconds(10));

        assertThat(writtenCount()).isEqualTo(1);
    }
}
