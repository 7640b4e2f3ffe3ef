package dev.eliza.messaging.impl;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.messaging.api.AgentInbox;
import dev.eliza.messaging.api.AgentReplies;
import dev.eliza.messaging.api.AgentReply;
import dev.eliza.messaging.api.AnswerWatch;
import dev.eliza.messaging.api.Channel;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.ChannelPoster;
import dev.eliza.messaging.api.Delivery;
import dev.eliza.messaging.api.DeliveryState;
import dev.eliza.messaging.api.MessageAnswers;
import dev.eliza.messaging.api.MessageOrigin;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.messaging.api.NewMessage;
import dev.eliza.messaging.impl.Posting.Posted;
import dev.eliza.persistence.api.Cluster;
import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;
import dev.eliza.realtime.api.RealtimeBroadcaster;

/**
 * The messaging domain's services over its PostgreSQL tables: {@link MessageService}, {@link AgentReplies},
 * {@link MessageAnswers} and {@link ChannelPoster}, and the stores the REST routes use. The inbox and the broadcaster are optional: while
 * either is away (a swap), messages are still stored and deliveries wait in {@code received}.
 */
@Component(service = {MessagingCore.class, MessageService.class, AgentReplies.class, ChannelPoster.class,
    MessageAnswers.class})
public final class MessagingCore implements MessageService, AgentReplies, ChannelPoster, MessageAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(MessagingCore.class);

    private final ChannelStore channels;
    private final MessageStore messages;
    private final Broadcasts broadcasts;
    private final ReplyWaiters waiters = new ReplyWaiters();
    private final Posting posting;
    private final Replies replies;
    private final InboxLookup inbox;
    private volatile RealtimeBroadcaster realtime;

    @Activate
    public MessagingCore(@Reference Database database, @Reference Cluster cluster, @Reference AgentDirectory agents,
                         BundleContext context) {
        this(database, cluster, agents, context.getBundle().adapt(BundleWiring.class).getClassLoader(),
                Migration.scan(context.getBundle(), "db/messaging"), Clock.systemUTC(), new InboxLookup(context));
    }

    MessagingCore(Database database, Cluster cluster, AgentDirectory agents, ClassLoader loader,
                  List<Migration> migrations, Clock clock, InboxLookup inbox) {
        this.inbox = inbox;
        database.migrate("messaging", migrations);
        Sql sql = new Sql(database.sessionFactory(loader, ServerMapper.class, ChannelMapper.class,
                MessageMapper.class, DeliveryMapper.class));
        this.channels = new ChannelStore(sql, clock);
        this.messages = new MessageStore(sql, cluster.nodeId(), cluster::liveNodes);
        this.broadcasts = new Broadcasts(() -> Optional.ofNullable(realtime));
        this.posting = new Posting(channels, messages, agents, broadcasts, this::handOver);
        this.replies = new Replies(channels, messages, posting, broadcasts, waiters, this::handOver);
    }

    @Deactivate
    void deactivate() {
        inbox.close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindRealtime(RealtimeBroadcaster realtime) {
        this.realtime = realtime;
    }

    void unbindRealtime(RealtimeBroadcaster realtime) {
        if (this.realtime == realtime) {
            this.realtime = null;
        }
    }

    ChannelStore channels() {
        return channels;
    }

    MessageStore messages() {
        return messages;
    }

    Broadcasts broadcasts() {
        return broadcasts;
    }

    ReplyWaiters waiters() {
        return waiters;
    }

    @Override
    public AnswerWatch watch(UUID channelId) {
        return waiters.watch(channelId);
    }

    /** Posts with what only the REST routes carry: the raw message, the parent and the source's own id. */
    Posted post(NewMessage message, Optional<com.fasterxml.jackson.databind.JsonNode> rawMessage,
                Optional<UUID> inReplyTo, Optional<String> sourceId, Optional<ChannelMembersRow> known) {
        return posting.post(message, rawMessage, inReplyTo, sourceId, known);
    }

    @Override
    public Optional<Channel> channel(UUID channelId) {
        return channels.channel(channelId).map(Rows::channel);
    }

    @Override
    public ChannelMessage post(NewMessage message) {
        return posting.post(message, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())
                .message();
    }

    @Override
    public Optional<ChannelMessage> message(UUID messageId) {
        return messages.message(messageId).map(Rows::message);
    }

    @Override
    public List<ChannelMessage> recent(UUID channelId, int limit) {
        List<ChannelMessage> oldestFirst = new ArrayList<>(messages.page(channelId, Optional.empty(),
                Optional.empty(), Optional.empty(), limit).stream().map(Rows::message).toList());
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Override
    public Channel createChannel(UUID serverId, String name, String type, ObjectNode metadata,
                                 List<UUID> participants) {
        return Rows.channel(channels.createChannel(UUID.randomUUID(), serverId, name, type, "session", metadata,
                participants).channel());
    }

    @Override
    public List<ChannelMessage> page(UUID channelId, OptionalLong beforeMs, OptionalLong afterMs, int limit) {
        Optional<Instant> after = afterMs.isPresent() ? Optional.of(Instant.ofEpochMilli(afterMs.getAsLong()))
                : Optional.empty();
        if (beforeMs.isEmpty() && after.isPresent()) {
            List<ChannelMessage> newestFirst = new ArrayList<>(messages.pageAfter(channelId, after.get(), limit)
                    .stream().map(Rows::message).toList());
            Collections.reverse(newestFirst);
            return newestFirst;
        }
        Optional<Instant> before = beforeMs.isPresent() ? Optional.of(Instant.ofEpochMilli(beforeMs.getAsLong()))
                : Optional.empty();
        return messages.page(channelId, before, Optional.empty(), after, limit).stream().map(Rows::message).toList();
    }

    @Override
    public UUID post(UUID channelId, UUID authorId, String text) {
        ChannelRow channel = channels.channel(channelId)
                .orElseThrow(() -> new dev.eliza.messaging.api.UnknownChannelException(channelId));
        return post(new NewMessage(channelId, channel.serverId(), authorId, "", text, "plugin",
                Json.MAPPER.createObjectNode(), null, MessageOrigin.PLUGIN, Optional.empty(), false)).id();
    }

    @Override
    public List<Delivery> pending(int limit) {
        return replies.pending(limit);
    }

    @Override
    public boolean claim(Delivery delivery) {
        return replies.claim(delivery);
    }

    @Override
    public void release(Delivery delivery) {
        replies.release(delivery);
    }

    @Override
    public void chunk(Delivery delivery, AgentReply partial, int index, String chunk) {
        replies.chunk(delivery, partial, index, chunk);
    }

    @Override
    public ChannelMessage reply(Delivery delivery, AgentReply reply) {
        return replies.reply(delivery, reply);
    }

    @Override
    public void noReply(Delivery delivery, String reason) {
        replies.noReply(delivery, reason);
    }

    @Override
    public void fail(Delivery delivery, String reason) {
        replies.fail(delivery, reason);
    }

    @Override
    public List<Delivery> deliveries(UUID messageId) {
        return replies.deliveries(messageId);
    }

    /** Hands the received deliveries of a stored message to the inbox; without one they wait for pending(). */
    private void handOver(Posted posted) {
        Optional<AgentInbox> found = inbox.inbox();
        if (found.isEmpty()) {
            return;
        }
        AgentInbox current = found.get();
        long now = posted.row().createdAt().toEpochMilli();
        for (MessageStore.NewDelivery d : posted.deliveries()) {
            if (d.state() != DeliveryState.RECEIVED) {
                continue;
            }
            try {
                current.deliver(new Delivery(d.agentId(), posted.message(), DeliveryState.RECEIVED, Optional.empty(),
                        posted.depth(), 0, now));
            } catch (RuntimeException e) {
                LOG.warn("The agent inbox refused message {} for agent {}; it stays received", posted.row().id(),
                        d.agentId(), e);
            }
        }
    }
}
