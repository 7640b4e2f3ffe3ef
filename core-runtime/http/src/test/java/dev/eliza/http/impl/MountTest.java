package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.eclipse.jetty.server.handler.DefaultHandler;
import org.junit.jupiter.api.Test;

class MountTest {
    private final Mount mount = new Mount("d", "owner", List.of("/api/d"), new DefaultHandler());

    @Test
    void drainsAtOnceWhenNothingIsInside() throws Exception {
        assertThat(mount.tryEnter()).isTrue();
        mount.exit();
        assertThat(mount.closeAndDrain(Duration.ofMillis(50))).isTrue();
        assertThat(mount.tryEnter()).isFalse();
    }

    @Test
    void reportsARequestStillInsideAfterTheBound() throws Exception {
        assertThat(mount.tryEnter()).isTrue();
        assertThat(mount.closeAndDrain(Duration.ofMillis(30))).isFalse();
    }

    @Test
    void waitsForTheLastRequestToLeave() throws Exception {
        assertThat(mount.tryEnter()).isTrue();
        Thread leaver = new Thread(() -> {
            sleep(50);
            mount.exit();
        });
        leaver.start();
        assertThat(mount.closeAndDrain(Duration.ofSeconds(5))).isTrue();
        leaver.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
