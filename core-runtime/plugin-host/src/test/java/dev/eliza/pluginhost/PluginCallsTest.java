package dev.eliza.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginCallsTest {
    private static final Duration DEADLINE = Duration.ofMillis(100);
    /** For calls that must answer: a deadline a slow, shared machine cannot miss. */
    private static final Duration PLENTY = Duration.ofSeconds(10);

    private final ClassLoader pluginLoader = new ClassLoader(getClass().getClassLoader()) { };
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final PluginCalls calls = PluginCalls.start("p", pluginLoader,
            new PluginCallSettings(PLENTY, PLENTY, 2, 3), failures::add);
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void stop() {
        calls.close();
    }

    @Test
    void aCallRunsOnThePluginsThreadWithItsLoaderAndReturnsItsResult() throws Exception {
        String thread = calls.call(() -> Thread.currentThread().getName() + " "
                + (Thread.currentThread().getContextClassLoader() == pluginLoader), PLENTY, e -> true);

        assertThat(thread).isEqualTo("plugin-p-1 true");
    }

    @Test
    void aCallPastItsDeadlineIsInterruptedAndTheCallerGoesOn() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);

        assertThatThrownBy(() -> calls.call(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        }, DEADLINE, e -> true)).isInstanceOf(PluginCalls.TimedOut.class).hasMessageContaining("100 ms");

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void withAllItsThreadsTakenACallIsRefusedAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            new Thread(() -> {
                try {
                    calls.call(() -> {
                        running.countDown();
                        return release.await(30, TimeUnit.SECONDS);
                    }, Duration.ofSeconds(30), e -> true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).start();
        }
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> calls.call(() -> "late", DEADLINE, e -> true))
                .isInstanceOf(PluginCalls.Busy.class).hasMessageContaining("2 threads");
        release.countDown();
    }

    @Test
    void faultsInARowFailThePluginOnceAtTheThresholdAndASuccessStartsTheCountAgain() throws Exception {
        fault();
        fault();
        calls.call(() -> "fine", PLENTY, e -> true);
        fault();
        fault();
        assertThat(failures).isEmpty();

        fault();
        fault();

        assertThat(failures).containsExactly("3 calls in a row failed, the last one: a call failed: "
                + "java.lang.IllegalStateException: broken");
    }

    @Test
    void anExceptionThatIsNoFaultPassesUnchangedAndCountsAsAnAnswer() throws Exception {
        IllegalArgumentException refusal = new IllegalArgumentException("bad input");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> calls.call(() -> {
                throw refusal;
            }, PLENTY, e -> false)).isSameAs(refusal);
        }

        assertThat(failures).isEmpty();
    }

    private void fault() {
        assertThatThrownBy(() -> calls.call(() -> {
            throw new IllegalStateException("broken");
        }, PLENTY, e -> true)).hasMessage("broken");
    }
}
