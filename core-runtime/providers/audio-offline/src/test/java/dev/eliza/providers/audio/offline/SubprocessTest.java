package dev.eliza.providers.audio.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubprocessTest {
    private final ExecutorService readers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        readers.shutdownNow();
    }

    @Test
    void feedsTheInputAndCollectsTheOutputWithoutAShell() throws Exception {
        Subprocess runner = new Subprocess(readers, Duration.ofSeconds(10), 1000);
        Subprocess.Result result = runner.run(List.of("cat"), "$(echo no) ; rm -rf x".getBytes(StandardCharsets.UTF_8));
        assertThat(result.exitCode()).isZero();
        assertThat(new String(result.output(), StandardCharsets.UTF_8)).isEqualTo("$(echo no) ; rm -rf x");
    }

    @Test
    void aProgramRunningPastTheTimeoutIsKilled() {
        Subprocess runner = new Subprocess(readers, Duration.ofMillis(300), 1000);
        long started = System.nanoTime();
        assertThatThrownBy(() -> runner.run(List.of("sleep", "30"), new byte[0]))
                .isInstanceOfSatisfying(Subprocess.RunException.class,
                        e -> assertThat(e.failure()).isEqualTo(Subprocess.Failure.TIMED_OUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("sleep"))
                .filter(ProcessHandle::isAlive).count()).isZero();
    }

    @Test
    void outputOverTheLimitIsRefusedAndTheProgramKilled() {
        Subprocess runner = new Subprocess(readers, Duration.ofSeconds(10), 1000);
        assertThatThrownBy(() -> runner.run(List.of("cat", "/dev/zero"), new byte[0]))
                .isInstanceOfSatisfying(Subprocess.RunException.class,
                        e -> assertThat(e.failure()).isEqualTo(Subprocess.Failure.TOO_MUCH_OUTPUT));
    }

    @Test
    void onlySoManyRunAtOnceTheOthersWaitAndGiveUpAtTheTimeout() throws Exception {
        Subprocess runner = new Subprocess(readers, Duration.ofSeconds(2), 1000, 1, Duration.ofMillis(300));
        var busy = readers.submit(() -> runner.run(List.of("sleep", "30"), new byte[0]));
        // the busy run starts its program only once it holds the slot
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ProcessHandle.current().children().noneMatch(SubprocessTest::isSleep)) {
            assertThat(System.nanoTime()).as("the busy run started within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
        long started = System.nanoTime();
        assertThatThrownBy(() -> runner.run(List.of("true"), new byte[0]))
                .isInstanceOfSatisfying(Subprocess.RunException.class,
                        e -> assertThat(e.getMessage()).contains("free slot"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(busy::get).hasRootCauseInstanceOf(Subprocess.RunException.class);
        assertThat(runner.run(List.of("true"), new byte[0]).exitCode()).isZero();
    }

    private static boolean isSleep(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/sleep")).orElse(false);
    }

    @Test
    void aMissingProgramIsReportedAsNotStarted() {
        Subprocess runner = new Subprocess(readers, Duration.ofSeconds(10), 1000);
        assertThatThrownBy(() -> runner.run(List.of("/nonexistent/espeak-ng"), new byte[0]))
                .isInstanceOfSatisfying(Subprocess.RunException.class,
                        e -> assertThat(e.failure()).isEqualTo(Subprocess.Failure.NOT_STARTED));
    }
}
