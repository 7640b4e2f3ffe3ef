/**
 * The messaging domain's contract. The implementation bundle registers {@link dev.eliza.messaging.api.MessageService}
 * (channels and messages), {@link dev.eliza.messaging.api.AgentReplies} (the runtime's side of deliveries),
 * {@link dev.eliza.messaging.api.MessageAnswers} (callers waiting for an answer) and
 * {@link dev.eliza.messaging.api.ChannelPoster} (plugins' posts). The agent runtime registers
 * {@link dev.eliza.messaging.api.AgentInbox} and {@link dev.eliza.messaging.api.ChannelTitles}; either side may be
 * absent for a while (a swap), and nothing is lost meanwhile.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package dev.eliza.messaging.api;
