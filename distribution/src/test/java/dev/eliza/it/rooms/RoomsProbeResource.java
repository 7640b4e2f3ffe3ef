package dev.eliza.it.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import dev.eliza.rooms.api.AgentRooms;
import dev.eliza.rooms.api.Room;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/probe-rooms/:agentId/channels/:channelId?callers=n}: n concurrent first calls of
 * {@code AgentRooms.channelRoom}, answering the distinct room ids they got.
 */
@Path("/api/probe-rooms/{agentId}/channels/{channelId}")
@Produces(MediaType.APPLICATION_JSON)
public final class RoomsProbeResource {
    private final BundleContext context;

    RoomsProbeResource(BundleContext context) {
        this.context = context;
    }

    @POST
    public Map<String, Object> channelRoom(@PathParam("agentId") String agentId,
                                           @PathParam("channelId") String channelId,
                                           @QueryParam("callers") int callers) throws Exception {
        ServiceReference<AgentRooms> reference = context.getServiceReference(AgentRooms.class);
        AgentRooms rooms = context.getService(reference);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, callers));
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Room> call = () -> {
                start.await();
                return rooms.channelRoom(UUID.fromString(agentId), UUID.fromString(channelId));
            };
            List<Future<Room>> results = new ArrayList<>();
            for (int i = 0; i < Math.max(1, callers); i++) {
                results.add(pool.submit(call));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<Room> result : results) {
                ids.add(result.get().id().toString());
            }
            return Map.of("roomIds", ids.stream().distinct().toList());
        } finally {
            pool.shutdownNow();
            context.ungetService(reference);
        }
    }
}
