package dev.eliza.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class CommandLineTest {
    private static final Path CWD = Path.of("/work/here");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpAndVersionPrintAndSucceed() {
        assertThat(parse("--help").exitCode()).hasValue(0);
        assertThat(text(out)).startsWith("Usage: eliza-server").contains("--character")
                .contains("SERVER_PORT=3000").contains("ELIZA_DEFAULT_AGENT=true").contains("ELIZA_CHARACTERS")
                .contains("POSTGRES_URL").contains("Exit codes:");
        assertThat(parse("--version").exitCode()).hasValue(0);
        assertThat(text(out)).contains("eliza-server ");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(parse("--port=3").exitCode()).hasValue(Main.EXIT_USAGE);
        assertThat(text(err)).contains("Unknown option: --port=3").contains("Usage:");
    }

    @Test
    void charactersAreRepeatableAndResolvedAgainstTheWorkingFolder() {
        CommandLine.Parsed parsed = parse("--character", "a.json", "--character=/abs/b.json", "--character", "../c.json");
        assertThat(parsed.exitCode()).isEmpty();
        assertThat(parsed.characters()).containsExactly(Path.of("/work/here/a.json"), Path.of("/abs/b.json"),
                Path.of("/work/c.json"));
    }

    @Test
    void aCharacterOptionWithoutAFileIsAUsageError() {
        assertThat(parse("--character").exitCode()).hasValue(Main.EXIT_USAGE);
        assertThat(text(err)).contains("--character needs a file");
    }

    @Test
    void noArgumentsLaunchWithNoCharacters() {
        CommandLine.Parsed parsed = parse();
        assertThat(parsed.exitCode()).isEmpty();
        assertThat(parsed.characters()).isEmpty();
    }

    private CommandLine.Parsed parse(String... args) {
        return CommandLine.parse(args, CWD, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
