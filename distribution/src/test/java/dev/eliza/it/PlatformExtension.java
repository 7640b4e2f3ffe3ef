package dev.eliza.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One running platform for a test class, in a folder of its own, stopped and deleted after the class:
 * {@code @RegisterExtension static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());}
 * When a test fails, the end of the server's console goes to the test's output, because the folder holding the
 * whole log is deleted with the platform.
 */
final class PlatformExtension implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    private static final int CONSOLE_TAIL_LINES = 300;

    private final Map<String, String> env;
    private final String apiKey;
    private Path home;
    private PlatformProcess platform;

    PlatformExtension(Map<String, String> env) {
        this(env, null);
    }

    /** A platform whose {@link #http()} client sends {@code apiKey} with every request. */
    PlatformExtension(Map<String, String> env, String apiKey) {
        this.env = env;
        this.apiKey = apiKey;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        home = Files.createTempDirectory("eliza-it-");
        platform = PlatformProcess.start(home, env);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            platform.close();
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (platform != null) {
            // the access log's lines are left out: a test polling a route would push everything else out of the tail
            List<String> lines = platform.console().lines().filter(line -> !line.contains(" eliza.access - "))
                    .toList();
            int from = Math.max(0, lines.size() - CONSOLE_TAIL_LINES);
            System.out.println("--- last " + (lines.size() - from) + " lines (access log left out) of the server "
                    + "console after " + context.getDisplayName() + " failed ---\n"
                    + String.join("\n", lines.subList(from, lines.size())));
        }
    }

    PlatformProcess process() {
        return platform;
    }

    Path home() {
        return home;
    }

    Http http() {
        return new Http(platform, apiKey);
    }
}
