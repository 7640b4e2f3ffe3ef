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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A contribution whose Jersey application cannot be built is told why, and its paths stay free. */
class ContributionBuildFailureTest {
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
    void aContributionWhoseRoutesCannotBeBuiltIsToldWhy() {
        List<String> refusals = new ArrayList<>();
        DomainContribution ambiguous = new DomainContribution() {
            @Override
            public String domain() {
                return "ambiguous";
            }

            @Override
            public List<String> pathPrefixes() {
                return List.of("/api/ambiguous");
            }

            @Override
            public Set<Object> resources() {
                return Set.of(new Ambiguous());
            }

            @Override
            public void refused(String reason) {
                refusals.add(reason);
            }
        };
        ContributionMounter.Tracked tracked = mounter.track(ambiguous, "bundle.a");
        assertThat(tracked.isMounted()).isFalse();
        assertThat(refusals).singleElement().asString()
                .startsWith("its routes could not be built: ").containsIgnoringCase("ambiguous");
        assertThat(router.conflict(List.of("/api/ambiguous"), "bundle.b")).isEmpty();
    }

    /** Two GET methods on one path: Jersey refuses the model. */
    @Path("/api/ambiguous")
    public static final class Ambiguous {
        @GET
        public String one() {
            return "one";
        }

        @GET
        public String two() {
            return "two";
        }
    }
}
