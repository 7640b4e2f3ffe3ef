package dev.eliza.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpAndVersionPrintAndSucceed() {
        assertThat(answer("--help")).isZero();
        assertThat(text(out)).startsWith("Usage: eliza-server");
        assertThat(answer("--version")).isZero();
        assertThat(text(out)).contains("eliza-server ");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(answer("--port=3")).isEqualTo(Main.EXIT_USAGE);
        assertThat(text(err)).contains("Unknown option: --port=3").contains("Usage:");
    }

    private int answer(String... args) {
        return CommandLine.answer(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
