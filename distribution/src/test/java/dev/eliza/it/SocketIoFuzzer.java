package dev.eliza.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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
 * Sends malformed or random requests to {@code /socket.io/} from a fixed seed, 8 at a time: handshakes, polls,
 * bodies (garbage, oversized, chunked), methods, queries (bad escapes, repeated keys, JSONP), WebSocket upgrades,
 * on live and unknown sessions. Records each answer's status; a 5xx, an I/O failure or a hang is a failure.
 */
final class SocketIoFuzzer {
    /** What the run saw: how many answers of each status, and what failed. */
    record Outcome(Map<Integer, Integer> statuses, List<String> failures) {
    }

    private final RawHttp raw;
    private final List<String> sids = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

    SocketIoFuzzer(int port, String liveSid) {
        this.raw = new RawHttp(port);
        sids.add(liveSid);
    }

    Outcome run(long seed, int requests) throws Exception {
        Random random = new Random(seed);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                runs.add(CompletableFuture.runAsync(request(new Random(random.nextLong()), i), pool));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return new Outcome(counts, List.copyOf(failures));
    }

    private Runnable request(Random random, int index) {
        return () -> {
            String description = "#" + index;
            try {
                if (random.nextInt(10) == 0) {
                    String query = query(random, true);
                    description += " upgrade ?" + query;
                    record(raw.upgrade("/socket.io/?" + query), description);
                    return;
                }
                String method = pick(random, "GET", "GET", "GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH",
                        "OPTIONS", "HEAD");
                String query = query(random, false);
                byte[] body = "GET".equals(method) || "HEAD".equals(method) ? new byte[0] : body(random);
                boolean chunked = body.length > 0 && random.nextInt(4) == 0;
                description += " " + method + " ?" + query + " (" + body.length + " bytes"
                        + (chunked ? ", chunked)" : ")");
                String contentType = random.nextBoolean() ? null : pick(random, "text/plain;charset=UTF-8",
                        "application/octet-stream", "application/json", "x/garbage");
                String target = random.nextInt(20) == 0 ? "/socket.io" : "/socket.io/";
                RawHttp.Reply reply = raw.send(method, target + "?" + query, contentType, body, chunked);
                if (reply.status() == 200 && reply.body().startsWith("0{")) {
                    sids.add(EngineIoClient.sid(reply.body()));
                }
                record(reply.status(), description);
            } catch (Exception e) {
                failures.add(description + ": " + e);
            }
        };
    }

    private void record(int status, String description) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        if (status >= 500) {
            failures.add(description + " answered " + status);
        }
    }

    private String query(Random random, boolean upgrade) {
        if (random.nextBoolean()) {
            // Half the requests are well formed up to the query, so that bodies and methods reach live sessions.
            String base = "EIO=4&transport=" + (upgrade ? "websocket" : "polling");
            return random.nextInt(4) == 0 ? base : base + "&sid=" + liveSid(random);
        }
        List<String> parts = new ArrayList<>();
        String eio = pick(random, "EIO=4", "EIO=4", "EIO=4", "EIO=3", "EIO=", "EIO=5", "", "EIO=%zz", "EIO=4&EIO=3");
        String transport = upgrade
                ? pick(random, "transport=websocket", "transport=websocket", "transport=polling", "", "transport=x")
                : pick(random, "transport=polling", "transport=polling", "transport=polling", "transport=websocket",
                        "", "transport=tobi", "transport=constructor", "transport=%");
        String sid = switch (random.nextInt(6)) {
            case 0, 1, 2 -> "sid=" + liveSid(random);
            case 3 -> "sid=" + URLEncoder.encode(randomText(random, 20), StandardCharsets.UTF_8);
            case 4 -> "sid=";
            default -> "";
        };
        String extra = pick(random, "", "", "t=" + URLEncoder.encode(randomText(random, 8), StandardCharsets.UTF_8), "j=0", "&&", "=", "a=b=c", "%E0%A4%A",
                "t=" + "x".repeat(2000), "sid=" + liveSid(random));
        for (String part : new String[] {eio, transport, sid, extra}) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        Collections.shuffle(parts, random);
        return String.join("&", parts);
    }

    private String liveSid(Random random) {
        return sids.get(random.nextInt(Math.max(1, Math.min(sids.size(), 16))) + Math.max(0, sids.size() - 16));
    }

    private static byte[] body(Random random) {
        String text = switch (random.nextInt(14)) {
            case 0 -> EngineIoClient.connectPacket();
            case 1 -> "3";
            case 2 -> "2";
            case 3 -> "1";
            case 4 -> "6\u001e42[\"message\",{\"x\":1}]";
            case 5 -> "4" + randomText(random, random.nextInt(200));
            case 6 -> "42" + randomText(random, 50);
            case 7 -> "";
            case 8 -> "\u001e\u001e";
            case 9 -> "b" + randomText(random, 10);
            case 10 -> "4" + "y".repeat(1_000_001);
            case 11 -> "421[\"probe:join\",\"room\"]\u001e40/admin,{}";
            default -> null;
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(10) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95)));
        }
        return text.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
