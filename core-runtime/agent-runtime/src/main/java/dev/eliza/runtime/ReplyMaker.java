package dev.eliza.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.events.api.AgentMessageEvent;
import dev.eliza.messaging.api.AgentReply;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.Delivery;
import dev.eliza.models.api.ModelClass;
import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ModelProviderException;
import dev.eliza.models.api.TextRequest;
import dev.eliza.models.api.TextResult;
import dev.eliza.rooms.api.ElizaIds;
import dev.eliza.rooms.api.Room;

/**
 * Handles one delivery from claim to reply: the agent must be active and the reply chain short enough, then the
 * prompt is composed, the provider called (streaming chunks, retrying retryable failures with backoff), and the
 * reply stored; every ending is persisted (replied, no reply, failed) and every run journaled. A delivery whose
 * provider is absent is released and handed to {@code park} with the reason, to be tried again when the provider
 * is back.
 */
final class ReplyMaker {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyMaker.class);
    private static final List<String> ACTIONS = List.of("REPLY");

    private final RuntimeParts parts;
    private final BiConsumer<Delivery, String> park;
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Deliveries waiting for a retry, each with the action that gives it back on close. */
    private final Map<Delivery, Runnable> backingOff = new ConcurrentHashMap<>();
    private final Set<Delivery> claimed = ConcurrentHashMap.newKeySet();

    ReplyMaker(RuntimeParts parts, BiConsumer<Delivery, String> park) {
        this.parts = parts;
        this.park = park;
    }

    /** Handles {@code delivery}; the stage completes when it is over or released. */
    CompletionStage<Void> handle(Delivery delivery) {
        try (DeliveryLogContext context = DeliveryLogContext.of(delivery)) {
            return handleNow(delivery);
        }
    }

    private CompletionStage<Void> handleNow(Delivery delivery) {
        if (closing.get() || !parts.replies().claim(delivery)) {
            return CompletableFuture.completedFuture(null);
        }
        claimed.add(delivery);
        CompletableFuture<Void> done = new CompletableFuture<>();
        done.whenComplete((r, e) -> claimed.remove(delivery));
        try {
            Optional<AgentLifecycle.Flight> flight = enter(delivery.agentId());
            if (flight.isEmpty()) {
                parts.replies().noReply(delivery, "agent is not running");
                done.complete(null);
                return done;
            }
            done.whenComplete((r, e) -> flight.get().end().run());
            begin(delivery, flight.get(), done);
        } catch (RuntimeException e) {
            // messaging or the directory failed (a database error): the delivery ends visibly, and the lane goes on
            LOG.warn("Delivery of message {} to agent {} failed", delivery.message().id(), delivery.agentId(), e);
            quietly(() -> parts.replies().fail(delivery, "the runtime could not handle the message: " + e));
            done.complete(null);
        }
        return done;
    }

    /**
     * Enters a reply for the agent; an agent that should be active but is not running here yet (this node has not
     * heard of its start, or its resume after a restart has not reached it) is started first, so its message is
     * answered rather than ended as not running.
     */
    private Optional<AgentLifecycle.Flight> enter(UUID agentId) {
        Optional<AgentLifecycle.Flight> flight = parts.lifecycle().enter(agentId);
        if (flight.isPresent() || !parts.directory().shouldRun(agentId)) {
            return flight;
        }
        parts.lifecycle().start(agentId);
        return parts.lifecycle().enter(agentId);
    }

    private void begin(Delivery delivery, AgentLifecycle.Flight flight, CompletableFuture<Void> done) {
        if (delivery.depth() >= parts.settings().maxDepth()) {
            parts.replies().noReply(delivery, "reply chain reached the bound of " + parts.settings().maxDepth());
            done.complete(null);
            return;
        }
        Agent agent = flight.agent();
        ObjectNode character = agent.character();
        ProviderRegistry.Selection selection =
                parts.providers().select(AgentLifecycle.plugins(character.path("plugins")));
        if (selection.provider().isEmpty()) {
            parts.replies().release(delivery);
            park.accept(delivery, selection.missingReason());
            done.complete(null);
            return;
        }
        ChannelMessage message = delivery.message();
        parts.events().publish(new AgentMessageEvent(AgentMessageEvent.Direction.RECEIVED, message.id(),
                delivery.agentId(), message.channelId(), message.authorId(), message.text(), parts.clock().instant()));
        Optional<Room> room = parts.memory().room(agent.id(), message.channelId());
        UUID heardId = ElizaIds.unique(message.id(), agent.id());
        // filed off the reply's path: the message itself is durable in messaging already
        room.ifPresent(r -> offThePath(() -> parts.memory().heard(r, message)));
        Attempt attempt = new Attempt(delivery, agent, selection.provider().get(),
                request(delivery, flight, room, heardId), new Filing(room, heardId), done);
        parts.journal().started(attempt.runId, delivery, attempt.startTime);
        attempt.run(1);
    }

    private TextRequest request(Delivery delivery, AgentLifecycle.Flight flight, Optional<Room> room, UUID heardId) {
        Agent agent = flight.agent();
        ObjectNode character = agent.character();
        ChannelMessage message = delivery.message();
        List<ChannelMessage> shown = parts.messages().recent(message.channelId(), parts.settings().historySize())
                .stream().filter(m -> !m.id().equals(message.id())).toList();
        List<PromptComposer.Turn> earlier = shown.stream()
                .map(m -> new PromptComposer.Turn(m.authorId(), m.authorName(), m.text())).toList();
        List<String> recalled = room.map(r -> parts.memory().recall(r, message.text(), heardId, shown))
                .orElse(List.of());
        String system = parts.composer().system(character, recalled);
        return new TextRequest(agent.id(), TextRequest.Purpose.REPLY, ModelClass.TEXT_LARGE, system,
                parts.composer().history(agent.id(), earlier), message.text(), 1024, 0.7, flight.settings());
    }

    /**
     * Runs {@code filing} off the reply's path; on this thread when the runtime is stopping and its executor takes
     * no more work: a stop must never turn into a failed delivery.
     */
    private void offThePath(Runnable filing) {
        try {
            parts.executor().execute(filing);
        } catch (RejectedExecutionException stopping) {
            filing.run();
        }
    }

    /** Runs {@code action}; a failure is logged, because the caller is already ending a delivery after one. */
    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not record the end of a delivery; messaging hands it out again after a restart", e);
        }
    }

    /** Stops taking deliveries and gives back those waiting for a retry. */
    void close() {
        closing.set(true);
        backingOff.keySet().forEach(delivery -> Optional.ofNullable(backingOff.remove(delivery))
                .ifPresent(Runnable::run));
    }

    /** Gives back what is still claimed after the in-flight wait, so messaging hands it out again. */
    void releaseClaimed() {
        claimed.forEach(parts.replies()::release);
    }

    /** Where a delivery's memories go: the agent's room for the channel (when memory is here) and the heard id. */
    private record Filing(Optional<Room> room, UUID heardId) {
    }

    /** The model calls of one delivery, sharing one reply id and one run. */
    private final class Attempt {
        final UUID runId = UUID.randomUUID();
        final UUID replyId = UUID.randomUUID();
        final long startTime = parts.clock().millis();
        final Delivery delivery;
        final Agent agent;
        final ModelProvider provider;
        final TextRequest request;
        final Filing filing;
        final CompletableFuture<Void> done;

        Attempt(Delivery delivery, Agent agent, ModelProvider provider, TextRequest request, Filing filing,
                CompletableFuture<Void> done) {
            this.filing = filing;
            this.delivery = delivery;
            this.agent = agent;
            this.provider = provider;
            this.request = request;
            this.done = done;
        }

        void run(int number) {
            StringBuilder text = new StringBuilder();
            AtomicInteger index = new AtomicInteger();
            long began = System.nanoTime();
            try {
                TextResult result = provider.generate(request, chunk -> {
                    text.append(chunk);
                    parts.replies().chunk(delivery, reply(text.toString()), index.getAndIncrement(), chunk);
                });
                long took = System.nanoTime() - began;
                parts.meters().modelCall(provider.id(), took, result.promptTokens(), result.completionTokens());
                parts.journal().modelCall(runId, delivery, provider.id(),
                        request.system().length() + request.prompt().length(), result, took / 1_000_000.0);
                AgentReply answer = reply(result.text());
                ChannelMessage stored = parts.replies().reply(delivery, answer);
                filing.room().ifPresent(r -> offThePath(() -> parts.memory().said(r, stored, answer,
                        filing.heardId())));
                parts.events().publish(new AgentMessageEvent(AgentMessageEvent.Direction.SENT, stored.id(),
                        agent.id(), stored.channelId(), agent.id(), stored.text(), parts.clock().instant()));
                parts.journal().ended(runId, delivery, startTime, Optional.empty());
                done.complete(null);
            } catch (ModelProviderException e) {
                parts.meters().modelFailure(provider.id(), System.nanoTime() - began, e.retryable());
                if (e.retryable() && number < parts.settings().maxAttempts() && !closing.get()) {
                    retryLater(number + 1);
                } else {
                    end(provider.id() + " failed after " + number + " attempt" + (number == 1 ? "" : "s") + ": "
                            + e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.warn("Reply to message {} by agent {} failed", delivery.message().id(), agent.id(), e);
                end("the reply could not be made: " + e);
            }
        }

        private void retryLater(int number) {
            Runnable giveBack = () -> {
                parts.replies().release(delivery);
                parts.journal().ended(runId, delivery, startTime, Optional.of("released: the runtime stopped"));
                done.complete(null);
            };
            backingOff.put(delivery, giveBack);
            parts.delayer().after(parts.settings().backoff(number), () -> {
                if (backingOff.remove(delivery) != null) {
                    try {
                        parts.executor().execute(() -> {
                            try (DeliveryLogContext context = DeliveryLogContext.of(delivery)) {
                                run(number);
                            }
                        });
                    } catch (RejectedExecutionException stopping) {
                        giveBack.run();
                    }
                }
            });
        }

        private void end(String reason) {
            try {
                quietly(() -> parts.replies().fail(delivery, reason));
                parts.journal().ended(runId, delivery, startTime, Optional.of(reason));
            } finally {
                done.complete(null);
            }
        }

        private AgentReply reply(String text) {
            return new AgentReply(replyId, agent.name(), text,
                    "Answering " + delivery.message().authorName() + " with the " + provider.id() + " model.",
                    ACTIONS);
        }
    }
}
