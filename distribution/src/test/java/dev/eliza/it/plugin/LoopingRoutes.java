package dev.eliza.it.plugin;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.pf4j.Extension;

import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.PluginContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * A plugin whose route loops until its thread is interrupted (a loop that never looks cannot be stopped in Java),
 * and counts the loops that ended, so a test sees the host's interrupt arrive.
 */
@Extension
public final class LoopingRoutes implements GlobalRoutes {
    private static final AtomicInteger STOPPED = new AtomicInteger();

    @Override
    public Set<Object> resources(PluginContext context) {
        return Set.of(new Spin());
    }

    /** {@code GET /api/plugins/<id>/spin} loops; {@code GET .../spin/stopped} counts the loops interrupted. */
    @Path("/spin")
    public static final class Spin {
        @GET
        public String spin() {
            long turns = 0;
            while (!Thread.currentThread().isInterrupted()) {
                turns++;
                // gives the CPU to others between turns: the loop stands for stuck work, not for a CPU benchmark
                Thread.yield();
            }
            STOPPED.incrementAndGet();
            return "stopped after " + turns + " turns";
        }

        @GET
        @Path("/stopped")
        public String stopped() {
            return Integer.toString(STOPPED.get());
        }
    }
}
