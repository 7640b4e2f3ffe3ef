package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.eliza.http.api.DomainContribution;

class ContributionMounterTest {
    private final Server server = new Server();
    private final DomainRouter router = new DomainRouter(Duration.ofSeconds(1), Duration.ofSeconds(1));
    private ContributionMounter mounter;

    @BeforeEach
    void start() throws Exception {
        server.setHandler(router);
        server.start();
        mounter = new ContributionMounter(null, router, ObjectMappers.create(), () -> { }, server);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aRefusedContributionIsToldWhy() {
        Recording first = new Recording("first", "/api/x");
        Recording second = new Recording("second", "/api/x");
        Recording invalid = new Recording("invalid", "api/y/");
        assertThat(mounter.mount(first, "bundle.a")).isPresent();
        assertThat(mounter.mount(second, "bundle.b")).isEmpty();
        assertThat(mounter.mount(invalid, "bundle.c")).isEmpty();
        assertThat(first.refusals).isEmpty();
        assertThat(second.refusals).singleElement().asString().contains("/api/x", "first", "bundle.a");
        assertThat(invalid.refusals).singleElement().asString().contains("invalid path prefix");
    }

    @Test
    void aContributionRefusedForATakenPathIsMountedOnceThePathIsFree() {
        Recording owner = new Recording("owner", "/api/x");
        Recording newcomer = new Recording("newcomer", "/api/x");
        Recording invalid = new Recording("invalid", "/api/x/");
        ContributionMounter.Tracked first = mounter.track(owner, "bundle.a");
        ContributionMounter.Tracked waiting = mounter.track(newcomer, "bundle.b");
        ContributionMounter.Tracked never = mounter.track(invalid, "bundle.c");
        assertThat(first.isMounted()).isTrue();
        assertThat(waiting.isMounted()).isFalse();
        mounter.untrack(first);
        assertThat(waiting.isMounted()).isTrue();
        assertThat(never.isMounted()).isFalse();
        assertThat(newcomer.refusals).hasSize(1);
        mounter.untrack(waiting);
        assertThat(router.conflict(List.of("/api/x"), "bundle.z")).isEmpty();
    }

    @Test
    void aPathFreedBetweenTheRefusalAndTheWaitIsMountedAtOnce() throws Exception {
        ContributionMounter.Tracked first = mounter.track(new Recording("owner", "/api/x"), "bundle.a");
        // untrack(first) frees the path outside the mounter's lock and only then retries the waiting ones: here it
        // frees it while the newcomer is being refused, and retries once the newcomer's track is over.
        Recording newcomer = new Recording("newcomer", "/api/x", () -> unmount("owner"));
        ContributionMounter.Tracked second = mounter.track(newcomer, "bundle.b");
        mounter.untrack(first);
        assertThat(second.isMounted()).isTrue();
        assertThat(router.conflict(List.of("/api/x"), "bundle.z")).get().asString().contains("newcomer");
    }

    @Test
    void aContributionRefusedForAHeldPathIsMountedWhenTheSwapWindowClosesWithoutItsOwner() throws Exception {
        router.whenHoldsReleased(mounter::mountWaiting);
        ContributionMounter.Tracked first = mounter.track(new Recording("owner", "/api/x"), "bundle.a");
        SwapWindow window = router.openWindow("bundle.a");
        mounter.untrack(first);
        Recording newcomer = new Recording("newcomer", "/api/x");
        ContributionMounter.Tracked second = mounter.track(newcomer, "bundle.b");
        assertThat(second.isMounted()).isFalse();
        assertThat(newcomer.refusals).singleElement().asString().contains("held", "bundle.a");
        window.close();
        assertThat(second.isMounted()).isTrue();
    }

    private void unmount(String domain) {
        try {
            router.unmount(router.mounts().stream().filter(m -> m.domain().equals(domain)).findFirst().orElseThrow());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A contribution that keeps the reasons it was refused for, and runs {@code onRefusal} when refused. */
    private static final class Recording implements DomainContribution {
        private final String domain;
        private final String prefix;
        private final Runnable onRefusal;
        private final List<String> refusals = new ArrayList<>();

        Recording(String domain, String prefix) {
            this(domain, prefix, () -> { });
        }

        Recording(String domain, String prefix, Runnable onRefusal) {
            this.domain = domain;
            this.prefix = prefix;
            this.onRefusal = onRefusal;
        }

        @Override
        public String domain() {
            return domain;
        }

        @Override
        public List<String> pathPrefixes() {
            return List.of(prefix);
        }

        @Override
        public Set<Object> resources() {
            return Set.of();
        }

        @Override
        public void refused(String reason) {
            refusals.add(reason);
            onRefusal.run();
        }
    }
}
