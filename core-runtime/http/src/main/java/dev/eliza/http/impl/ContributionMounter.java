package dev.eliza.http.impl;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jetty.server.Server;
import org.glassfish.jersey.server.ResourceConfig;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.http.api.DomainContribution;

/**
 * Mounts each {@link DomainContribution} service as it appears and unmounts it as it goes. A contribution refused
 * because its paths are taken waits, and is mounted as soon as a removal frees them.
 */
final class ContributionMounter implements ServiceTrackerCustomizer<DomainContribution, ContributionMounter.Tracked> {
    private static final Logger LOG = LoggerFactory.getLogger(ContributionMounter.class);

    private final BundleContext context;
    private final DomainRouter router;
    private final ObjectMapper mapper;
    private final Runnable onChange;
    private final Server server;
    private final Set<Tracked> waiting = new LinkedHashSet<>();

    ContributionMounter(BundleContext context, DomainRouter router, ObjectMapper mapper, Runnable onChange,
                        Server server) {
        this.context = context;
        this.server = server;
        this.router = router;
        this.mapper = mapper;
        this.onChange = onChange;
    }

    /** A registered contribution: mounted, or waiting for the paths it was refused. */
    static final class Tracked {
        private final DomainContribution contribution;
        private final String owner;
        private volatile Mount mount;

        private Tracked(DomainContribution contribution, String owner) {
            this.contribution = contribution;
            this.owner = owner;
        }

        boolean isMounted() {
            return mount != null;
        }
    }

    @Override
    public Tracked addingService(ServiceReference<DomainContribution> reference) {
        DomainContribution contribution = context.getService(reference);
        return contribution == null ? null : track(contribution, reference.getBundle().getSymbolicName());
    }

    /**
     * Mounts the contribution, or keeps it waiting when its paths are taken. An owner's unmount frees the paths
     * outside this lock and only then mounts the waiting ones: a path freed between the refusal and the wait is
     * tried again here, or the contribution would be neither mounted nor waiting.
     */
    synchronized Tracked track(DomainContribution contribution, String owner) {
        Tracked tracked = new Tracked(contribution, owner);
        Attempt attempt = attempt(contribution, owner, true);
        while (attempt.pathTaken()) {
            if (router.conflict(List.copyOf(contribution.pathPrefixes()), owner).isPresent()) {
                waiting.add(tracked);
                break;
            }
            attempt = attempt(contribution, owner, false);
        }
        tracked.mount = attempt.mount().orElse(null);
        return tracked;
    }

    /** Unmounts the contribution (or stops its wait), then mounts the waiting ones whose paths are now free. */
    void untrack(Tracked tracked) {
        synchronized (this) {
            waiting.remove(tracked);
        }
        Mount mount = tracked.mount;
        if (mount != null) {
            try {
                router.unmount(mount);
                LOG.info("Unmounted domain '{}' ({})", mount.domain(), mount.owner());
            } catch (Exception e) {
                LOG.error("Failed to stop domain '{}' cleanly", mount.domain(), e);
            }
            mountWaiting();
        }
        onChange.run();
    }

    /** Mounts the waiting contributions whose paths are free now. */
    synchronized void mountWaiting() {
        for (Iterator<Tracked> it = waiting.iterator(); it.hasNext(); ) {
            Tracked tracked = it.next();
            tracked.mount = attempt(tracked.contribution, tracked.owner, false).mount().orElse(null);
            if (tracked.mount != null) {
                it.remove();
            }
        }
    }

    /** Mounts a contribution of {@code owner}; empty (with the reason logged) when it is refused or fails. */
    Optional<Mount> mount(DomainContribution contribution, String owner) {
        return attempt(contribution, owner, true).mount();
    }

    /** A mount, or none; {@code pathTaken} when it was refused because another owner has one of its paths. */
    private record Attempt(Optional<Mount> mount, boolean pathTaken) {
        static final Attempt FAILED = new Attempt(Optional.empty(), false);
        static final Attempt TAKEN = new Attempt(Optional.empty(), true);
    }

    /** {@code announce}: log and report a refusal; a retry of a waiting contribution stays quiet. */
    private Attempt attempt(DomainContribution contribution, String owner, boolean announce) {
        try {
            List<String> prefixes = List.copyOf(contribution.pathPrefixes());
            Optional<String> invalid = prefixes.stream().filter(p -> !isValidPrefix(p)).findFirst();
            if (invalid.isPresent()) {
                refuse(contribution, owner, "invalid path prefix '" + invalid.get() + "'", announce);
                return Attempt.FAILED;
            }
            Optional<String> stray = contribution.webSockets().keySet().stream()
                    .filter(path -> prefixes.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/")))
                    .findFirst();
            if (stray.isPresent()) {
                refuse(contribution, owner, "WebSocket path " + stray.get()
                        + " is outside the contribution's prefixes " + prefixes, announce);
                return Attempt.FAILED;
            }
            Optional<String> stranger = contribution.publicPrefixes().stream().filter(p -> !prefixes.contains(p))
                    .findFirst();
            if (stranger.isPresent()) {
                refuse(contribution, owner, "public prefix " + stranger.get()
                        + " is not one of the contribution's prefixes " + prefixes, announce);
                return Attempt.FAILED;
            }
            Optional<String> taken = router.conflict(prefixes, owner);
            if (taken.isPresent()) {
                refuse(contribution, owner, taken.get(), announce);
                return Attempt.TAKEN;
            }
            Mount mount = new Mount(contribution.domain(), owner, prefixes, WebSocketEndpoints.inFrontOf(
                    withJerseyClassLoader(() -> JerseyContainers.context(contribution, mapper)),
                    contribution.webSockets(), server));
            Optional<String> refusal = withJerseyClassLoader(
                    () -> router.mount(mount, List.copyOf(contribution.publicPrefixes())));
            if (refusal.isPresent()) {
                mount.handler().destroy();
                refuse(contribution, owner, refusal.get(), announce);
                return Attempt.TAKEN;
            }
            LOG.info("Mounted domain '{}' ({}) at {}", contribution.domain(), owner, prefixes);
            onChange.run();
            return new Attempt(Optional.of(mount), false);
        } catch (Exception e) {
            LOG.error("Could not mount domain '{}' of bundle {}", contribution.domain(), owner, e);
            tell(contribution, owner, MountFailure.reason(e));
            return Attempt.FAILED;
        }
    }

    @Override
    public void modifiedService(ServiceReference<DomainContribution> reference, Tracked tracked) {
        // A contribution's routes are fixed for its lifetime; property changes do not affect them.
    }

    @Override
    public void removedService(ServiceReference<DomainContribution> reference, Tracked tracked) {
        try {
            untrack(tracked);
        } finally {
            context.ungetService(reference);
        }
    }

    private static void refuse(DomainContribution contribution, String owner, String reason, boolean announce) {
        if (announce) {
            LOG.error("Refused domain '{}' of bundle {}: {}; it is mounted once the path is free",
                    contribution.domain(), owner, reason);
            tell(contribution, owner, reason);
        }
    }

    private static void tell(DomainContribution contribution, String owner, String reason) {
        try {
            contribution.refused(reason);
        } catch (RuntimeException e) {
            LOG.warn("Domain '{}' of bundle {} failed to take its refusal", contribution.domain(), owner, e);
        }
    }

    /**
     * {@code /} (every path no other prefix claims), or absolute with no empty segment and no trailing slash;
     * {@code *} only as a whole segment, {@code $} only last.
     */
    static boolean isValidPrefix(String prefix) {
        if (prefix.equals(RouteTable.ROOT)) {
            return true;
        }
        String pattern = prefix.endsWith("$") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return pattern.length() > 1 && pattern.startsWith("/") && !pattern.endsWith("/") && !pattern.contains("//")
                && !pattern.contains("$") && java.util.Arrays.stream(pattern.substring(1).split("/"))
                .allMatch(segment -> segment.equals("*") || !segment.contains("*"));
    }

    /** Jersey locates its own services through the thread context class loader while it initialises. */
    private static <T> T withJerseyClassLoader(CheckedSupplier<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ResourceConfig.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    private interface CheckedSupplier<T> {
        T get() throws Exception;
    }
}
