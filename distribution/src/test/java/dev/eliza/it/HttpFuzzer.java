package dev.eliza.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a fixed-seed random mix of malformed requests to the operations of {@link FuzzTargets}, 6 at a time: wrong
 * methods, junk queries, bad ids ({@link FuzzTargets#fill}), bad bodies ({@link FuzzBodies}), a slice without the
 * key or with a wrong one (which must answer 401), and a few slow bodies or bodies cut off mid-way. Every answer
 * of 5xx, every body leaking a stack trace or an internal class name, and every request that failed is recorded.
 */
final class HttpFuzzer {
    /** How many answers of each status, and every offender with its request and answer. */
    record Outcome(Map<Integer, Integer> statuses, List<String> offenders) {
    }

    static final List<String> LEAKS = List.of("dev.eliza.", "java.lang.", "org.eclipse.", "org.glassfish.",
            "Exception:", "\tat ");
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE",
        "FUZZ"};
    private static final String[] QUERIES = {"limit=-1", "limit=abc", "limit=99999999999999", "before=x",
        "after=1e999", "roomId=not-a-uuid", "q=%zz", "threshold=NaN", "count=%00", "tableName=../x", "offset=-5",
        "includeEmbedding=maybe", "status=%E0%A4%A", "name=" + "n".repeat(3000), "a=b=c&&", "type=%2F%2F",
        "currentUserId=1&targetUserId=2", "level=9999", "from=2026-99-99&to=x", "limit=1&limit=2"};

    private final FuzzTargets targets;
    private final FuzzSocket socket;
    private final String apiKey;
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final List<String> offenders = new CopyOnWriteArrayList<>();

    HttpFuzzer(FuzzTargets targets, int port, String apiKey) {
        this.targets = targets;
        this.socket = new FuzzSocket(port);
        this.apiKey = apiKey;
    }

    Outcome run(long seed, int requests) throws Exception {
        Random seeds = new Random(seed);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Random random = new Random(seeds.nextLong());
                int index = i;
                runs.add(CompletableFuture.runAsync(() -> request(random, index), pool));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return new Outcome(counts, List.copyOf(offenders));
    }

    private void request(Random random, int index) {
        List<FuzzTargets.Operation> operations = targets.operations();
        FuzzTargets.Operation operation = operations.get(random.nextInt(operations.size()));
        String method = random.nextInt(10) == 0 ? FuzzBodies.pick(random, METHODS) : operation.method();
        String target = targets.fill(operation.template(), random)
                + (random.nextInt(3) == 0 ? "?" + FuzzBodies.pick(random, QUERIES) : "");
        int auth = random.nextInt(100);
        String key = auth < 5 ? null : auth < 8 ? apiKey + "x" : apiKey;
        boolean bodyless = "GET".equals(method) || "HEAD".equals(method) || "DELETE".equals(method);
        FuzzBodies.Body body = bodyless && random.nextInt(5) > 0 ? new FuzzBodies.Body("none", null, new byte[0])
                : FuzzBodies.next(random, operation.bodyType());
        boolean slow = random.nextInt(500) == 0 && body.bytes().length > 0;
        int stopAfter = slow && random.nextBoolean() ? random.nextInt(Math.min(20, body.bytes().length)) : -1;
        String description = "#" + index + " " + method + " " + abbreviate(target, 120) + " [" + body.kind()
                + (slow ? stopAfter >= 0 ? ", cut off after " + stopAfter + " bytes" : ", slow" : "")
                + (key == null ? ", no key" : key.equals(apiKey) ? "" : ", wrong key") + "]";
        try {
            byte[] bytes = slow && stopAfter < 0 ? java.util.Arrays.copyOf(body.bytes(), Math.min(40,
                    body.bytes().length)) : body.bytes();
            FuzzSocket.Answer answer = socket.send(head(method, target, key, body.contentType(), bytes.length),
                    bytes, slow ? 1 : 65_536, slow ? 50 : 0, stopAfter);
            statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
            check(description, key != null && key.equals(apiKey), method, target, answer);
        } catch (Exception e) {
            offenders.add(description + " failed: " + e);
        }
    }

    private void check(String description, boolean authenticated, String method, String target, FuzzSocket.Answer answer) {
        String body = answer.body();
        if (answer.status() >= 500) {
            offenders.add(description + " answered " + answer.status() + ": " + abbreviate(body, 400));
        } else if (!authenticated && !target.startsWith("/health") && !"OPTIONS".equals(method)
                && answer.status() != 401 && answer.status() > 0 && !body.contains("\"Malformed request\"")) {
            offenders.add(description + " answered " + answer.status() + " instead of 401: " + abbreviate(body, 200));
        }
        LEAKS.stream().filter(body::contains).findFirst().ifPresent(leak -> offenders.add(description
                + " leaked '" + leak.replace("\t", "\\t") + "': " + abbreviate(body, 400)));
    }

    private static String head(String method, String target, String key, String contentType, int length) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n");
        if (key != null) {
            head.append("X-API-KEY: ").append(key).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (length > 0 || "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    static String abbreviate(String text, int max) {
        String flat = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
