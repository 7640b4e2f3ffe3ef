package dev.eliza.jobs.impl;

import java.time.Clock;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.ErrorEnvelope;
import dev.eliza.http.api.ErrorStyle;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The jobs routes, served at 1.7.2's {@code /api/messaging/jobs} and at the documents' {@code /api/jobs}. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@ErrorEnvelope(ErrorStyle.PLAIN_MESSAGE)
public final class JobsResource {
    private static final int DEFAULT_LIMIT = 50;

    private final Jobs jobs;
    private final Clock clock;

    JobsResource(Jobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @POST
    @Path("{prefix: messaging/jobs|jobs}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        return Response.status(201).entity(JobViews.created(jobs.create(JobRequest.of(body)))).build();
    }

    @GET
    @Path("{prefix: messaging/jobs|jobs}")
    public ObjectNode list(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        Optional<JobStatus> filter = Optional.ofNullable(status).flatMap(JobStatus::of);
        return JobViews.list(jobs.store().newest(filter, limit(limit)), jobs.store().count());
    }

    @GET
    @Path("{prefix: messaging/jobs|jobs}/health")
    public ObjectNode health() {
        JobStore store = jobs.store();
        return JobViews.health(clock.millis(), store.count(), store.countByStatus(), store.averageProcessingTimeMs(),
                jobs.maxJobs());
    }

    @GET
    @Path("{prefix: messaging/jobs|jobs}/{jobId}")
    public ObjectNode get(@PathParam("jobId") String jobId) {
        return JobRequest.uuid(jobId).flatMap(jobs.store()::find).map(JobViews::details)
                .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "Job not found"));
    }

    /** As 1.7.2's {@code parseInt(limit) || 50}: a missing, unreadable or zero limit is 50; capped at maxJobs. */
    private int limit(String given) {
        if (given == null || !given.trim().matches("\\d{1,9}.*")) {
            return DEFAULT_LIMIT;
        }
        int value = Integer.parseInt(given.trim().replaceAll("^(\\d{1,9}).*", "$1"));
        return value == 0 ? DEFAULT_LIMIT : Math.min(value, jobs.maxJobs());
    }
}
