package dev.eliza.it;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps sending GET requests to a few paths from several threads, counting answers by path and status class
 * ({@code 2xx}, {@code 404}, {@code 5xx}, {@code io} for a transport failure), until stopped.
 */
final class LoadClient implements AutoCloseable {
    private final PlatformProcess platform;
    private final List<String> paths;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    LoadClient(PlatformProcess platform, List<String> paths, int threadsPerPath) {
        this.platform = platform;
        this.paths = paths;
        for (String path : paths) {
            for (int i = 0; i < threadsPerPath; i++) {
                Thread thread = new Thread(() -> loop(path), "load-" + path);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
    }

    private void loop(String path) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        while (running.get()) {
            String outcome;
            try {
                int status = client.send(HttpRequest.newBuilder(platform.uri(path)).timeout(Duration.ofSeconds(20))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                outcome = status / 100 == 2 ? "2xx" : status == 404 ? "404" : status >= 500 ? "5xx" : "other";
            } catch (Exception e) {
                outcome = "io";
            }
            counts.computeIfAbsent(path + " " + outcome, k -> new AtomicLong()).incrementAndGet();
        }
    }

    long count(String path, String outcome) {
        AtomicLong count = counts.get(path + " " + outcome);
        return count == null ? 0 : count.get();
    }

    /** Every non-2xx answer for {@code path}. */
    long failures(String path) {
        return count(path, "404") + count(path, "5xx") + count(path, "other") + count(path, "io");
    }

    Map<String, AtomicLong> counts() {
        return Map.copyOf(counts);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }

    List<String> paths() {
        return paths;
    }
}
