package dev.eliza.messaging.impl;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.eliza.http.api.DomainContribution;
import dev.eliza.messaging.api.ChannelTitles;

/** Mounts {@code /api/messaging} over the messaging services; titles come from the runtime when it is there. */
@Component(service = DomainContribution.class)
public final class MessagingContribution implements DomainContribution {
    /** How long an {@code http} or {@code sse} post waits for an agent's reply, unless configured. */
    static final Duration DEFAULT_REPLY_WAIT = Duration.ofSeconds(30);
    static final String REPLY_WAIT_KEY = "MESSAGING_HTTP_REPLY_TIMEOUT_MS";

    private final Set<Object> resources;
    private volatile ChannelTitles titles;

    @Activate
    public MessagingContribution(@Reference MessagingCore core, BundleContext context) {
        this(core, Optional.ofNullable(context.getProperty(REPLY_WAIT_KEY)).filter(v -> v.matches("\\d{1,9}"))
                .map(v -> Duration.ofMillis(Long.parseLong(v))).orElse(DEFAULT_REPLY_WAIT));
    }

    MessagingContribution(MessagingCore core, Duration replyWait) {
        ChannelMessagesResource channelMessages = new ChannelMessagesResource(core, new ChannelPosts(core, replyWait));
        this.resources = Set.of(new MessagingResource(core.channels(),
                        new ServersResource(core.channels(), "messageServers"),
                        new ServersResource(core.channels(), "servers"),
                        new ChannelsResource(core, () -> Optional.ofNullable(titles)), channelMessages,
                        new MessagesResource(core.messages(), core.channels())),
                new CoreRoutesResource(core));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindTitles(ChannelTitles titles) {
        this.titles = titles;
    }

    void unbindTitles(ChannelTitles titles) {
        if (this.titles == titles) {
            this.titles = null;
        }
    }

    @Override
    public String domain() {
        return "messaging";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/messaging");
    }

    @Override
    public Set<Object> resources() {
        return resources;
    }
}
