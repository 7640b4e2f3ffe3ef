package dev.eliza.runtime;

import java.time.Clock;
import java.util.concurrent.Executor;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.events.api.PlatformEvents;
import dev.eliza.messaging.api.AgentReplies;
import dev.eliza.messaging.api.MessageService;

/** The collaborators a reply is made with, gathered once by the component (or a test). */
record RuntimeParts(AgentReplies replies, MessageService messages, AgentDirectory directory, AgentLifecycle lifecycle,
                    ProviderRegistry providers, ProviderSettingsResolver settingsResolver, PromptComposer composer,
                    RoomMemory memory, RunJournal journal, PlatformEvents events, Executor executor,
                    Delayer delayer, Clock clock, RuntimeSettings settings, RuntimeMeters meters) {
}
