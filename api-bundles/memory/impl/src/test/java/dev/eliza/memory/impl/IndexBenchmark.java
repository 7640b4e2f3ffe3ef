package dev.eliza.memory.impl;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The in-memory index alone at scale, for {@code benchmarks/memory.sh} (not a test): {@code N} random vectors of
 * {@code DIMS} dimensions for one agent, then top-10 searches of random queries, split across the cores as the
 * platform splits them. Prints the fill time and the search p50/p99/max in milliseconds.
 */
public final class IndexBenchmark {
    private IndexBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int dims = args.length > 1 ? Integer.parseInt(args[1]) : 384;
        int searches = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, cores - 1));
        FlatIndex index = new FlatIndex(pool, cores);
        Random random = new Random(7);
        UUID agent = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        float[][] vectors = new float[n][];
        UUID[] ids = new UUID[n];
        for (int i = 0; i < n; i++) {
            vectors[i] = vector(random, dims);
            ids[i] = UUID.randomUUID();
        }
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            index.put(agent, ids[i], room, "bench", vectors[i]);
            vectors[i] = null;
        }
        System.out.printf("filled %d vectors of %d dimensions in %d ms (%d cores)%n", n, dims,
                (System.nanoTime() - started) / 1_000_000, cores);
        for (int i = 0; i < 200; i++) {
            index.search(agent, "bench", vector(random, dims), Optional.empty(), 10, -1);
        }
        double[] millis = new double[searches];
        for (int i = 0; i < searches; i++) {
            float[] query = vector(random, dims);
            long t = System.nanoTime();
            index.search(agent, "bench", query, Optional.empty(), 10, -1);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("index search top-10 over %d: p50 %.2f ms  p99 %.2f ms  max %.2f ms (%d searches)%n", n,
                millis[searches / 2], millis[(int) (searches * 0.99)], millis[searches - 1], searches);
        pool.shutdownNow();
    }

    private static float[] vector(Random random, int dims) {
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
