package dev.eliza.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Two platform processes on one PostgreSQL for a test class: node A runs the embedded PostgreSQL as usual, node B
 * is given {@code POSTGRES_URL} pointing at it. B is stopped before A (A owns the database). When a test fails, the
 * end of both consoles goes to the test's output, because the folders are deleted with the nodes.
 */
final class ClusterExtension implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    private static final int CONSOLE_TAIL_LINES = 150;

    private final Map<String, String> env;
    private Path homeA;
    private Path homeB;
    private PlatformProcess nodeA;
    private PlatformProcess nodeB;

    ClusterExtension(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        homeA = Files.createTempDirectory("eliza-it-cluster-a-");
        homeB = Files.createTempDirectory("eliza-it-cluster-b-");
        nodeA = PlatformProcess.start(homeA, env);
        startB();
    }

    /** Starts node B (again, after a kill) on node A's database; its folder is kept, so it is the same install. */
    void startB() throws Exception {
        Map<String, String> envB = new HashMap<>(env);
        envB.put("POSTGRES_URL", databaseOfA());
        nodeB = PlatformProcess.start(homeB, envB);
    }

    /**
     * Node A's embedded PostgreSQL as a URL: the port is the fourth line of its {@code postmaster.pid}, the
     * superuser's password the data folder's {@code postgres.secret}.
     */
    private String databaseOfA() throws Exception {
        Path data = homeA.resolve("data");
        List<String> pid = Files.readAllLines(data.resolve("postgres/postmaster.pid"), StandardCharsets.UTF_8);
        String port = pid.get(3).trim();
        String password = Files.readString(data.resolve("postgres.secret"), StandardCharsets.UTF_8).trim();
        return "postgresql://postgres:" + password + "@127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (nodeB != null) {
                nodeB.close();
            }
        } finally {
            try {
                if (nodeA != null) {
                    nodeA.close();
                }
            } finally {
                delete(homeB);
                delete(homeA);
            }
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        tail("A", nodeA, context);
        tail("B", nodeB, context);
    }

    private static void tail(String name, PlatformProcess node, ExtensionContext context) {
        if (node == null) {
            return;
        }
        String[] lines = node.console().split("\n");
        int from = Math.max(0, lines.length - CONSOLE_TAIL_LINES);
        System.out.println("--- last " + (lines.length - from) + " lines of node " + name + "'s console after "
                + context.getDisplayName() + " failed ---\n"
                + String.join("\n", Arrays.asList(lines).subList(from, lines.length)));
    }

    private static void delete(Path home) throws Exception {
        if (home == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    PlatformProcess a() {
        return nodeA;
    }

    PlatformProcess b() {
        return nodeB;
    }
}
