package dev.eliza.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import dev.eliza.agents.api.AgentJournal;
import dev.eliza.agents.api.AgentLog;
import dev.eliza.events.api.PlatformEvent;

/** The runtime's parts over in-memory contracts, a chosen executor and a manual clock of delays. */
final class Harness {
    static final RuntimeSettings SETTINGS = new RuntimeSettings(3, 20, 3, Duration.ofMillis(500),
            Duration.ofSeconds(30), Duration.ofSeconds(5), 1, 10_000, 0, Duration.ofSeconds(5));

    final FakeReplies replies = new FakeReplies();
    final FakeMessages messages = new FakeMessages();
    final FakeDirectory directory = new FakeDirectory();
    final ProviderRegistry providers = new ProviderRegistry();
    final List<PlatformEvent> events = new CopyOnWriteArrayList<>();
    final List<AgentLog> logs = new CopyOnWriteArrayList<>();
    final ManualDelayer delayer = new ManualDelayer();
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    final FakeMemories memories = new FakeMemories();
    final FakeRooms rooms = new FakeRooms();
    final AgentLifecycle lifecycle;
    final RoomMemory memory;
    final RuntimeMeters meters = new RuntimeMeters();
    final RuntimeParts parts;
    final Inbox inbox;

    Harness(Executor executor, RuntimeSettings settings) {
        ProviderSettingsResolver resolver =
                new ProviderSettingsResolver(Map.of("OPENAI_API_KEY", "from-env", "LOG_LEVEL", "info"));
        lifecycle = new AgentLifecycle(directory, providers, resolver, events::add, clock, settings.stopWait());
        RunJournal journal = new RunJournal(clock);
        AgentJournal sink = logs::add;
        journal.bind(sink);
        memory = new RoomMemory(settings.recallLimit(), 0.3);
        parts = new RuntimeParts(new MeteredReplies(replies, meters), messages, directory, lifecycle, providers, resolver, new PromptComposer(),
                memory, journal, events::add, executor, delayer, clock, settings, meters);
        inbox = new Inbox(parts);
    }

    /** Everything runs on the calling thread. */
    Harness() {
        this(Runnable::run, SETTINGS);
    }

    UUID activeAgent(String character) {
        UUID id = directory.add(character, true);
        lifecycle.start(id);
        return id;
    }
}
