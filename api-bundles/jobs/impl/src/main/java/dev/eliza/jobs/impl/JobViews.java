package dev.eliza.jobs.impl;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Jobs as 1.7.2 shows them: epoch milliseconds, fields it leaves undefined left out. */
final class JobViews {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JobViews() {
    }

    static ObjectNode created(Job job) {
        ObjectNode view = JSON.createObjectNode();
        view.put("jobId", job.id().toString());
        view.put("status", job.status());
        view.put("createdAt", job.createdAt());
        view.put("expiresAt", job.expiresAt());
        return view;
    }

    static ObjectNode details(Job job) {
        ObjectNode view = JSON.createObjectNode();
        view.put("jobId", job.id().toString());
        view.put("status", job.status());
        view.put("agentId", job.agentId().toString());
        view.put("userId", job.userId().toString());
        view.put("prompt", job.prompt());
        view.put("createdAt", job.createdAt());
        view.put("expiresAt", job.expiresAt());
        if (job.replyId() != null) {
            ObjectNode result = view.putObject("result");
            ObjectNode message = result.putObject("message");
            message.put("id", job.replyId().toString());
            message.put("content", job.replyText());
            message.put("authorId", job.agentId().toString());
            message.put("createdAt", job.replyCreatedAt());
            result.put("processingTimeMs", job.processingTimeMs());
        }
        if (job.error() != null) {
            view.put("error", job.error());
        }
        view.set("metadata", metadata(job.metadataJson()));
        return view;
    }

    static ObjectNode list(List<Job> jobs, long total) {
        ObjectNode view = JSON.createObjectNode();
        jobs.forEach(job -> view.withArray("jobs").add(details(job)));
        if (jobs.isEmpty()) {
            view.putArray("jobs");
        }
        view.put("total", total);
        view.put("filtered", jobs.size());
        return view;
    }

    static ObjectNode health(long now, long total, Map<JobStatus, Long> counts, double averageMs, int maxJobs) {
        ObjectNode view = JSON.createObjectNode();
        view.put("healthy", true);
        view.put("timestamp", now);
        view.put("totalJobs", total);
        ObjectNode byStatus = view.putObject("statusCounts");
        for (JobStatus status : JobStatus.values()) {
            byStatus.put(status.wire(), counts.getOrDefault(status, 0L));
        }
        long completed = counts.getOrDefault(JobStatus.COMPLETED, 0L);
        long failed = counts.getOrDefault(JobStatus.FAILED, 0L);
        long timedOut = counts.getOrDefault(JobStatus.TIMEOUT, 0L);
        long ended = completed + failed + timedOut;
        ObjectNode metrics = view.putObject("metrics");
        metrics.put("averageProcessingTimeMs", Math.round(averageMs));
        number(metrics, "successRate", rate(completed, ended));
        number(metrics, "failureRate", rate(failed, ended));
        number(metrics, "timeoutRate", rate(timedOut, ended));
        view.put("maxJobs", maxJobs);
        return view;
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 100.0 / whole) / 100.0;
    }

    /** JavaScript writes a whole number without a fraction: 0 and 1, not 0.0 and 1.0. */
    private static void number(ObjectNode node, String field, double value) {
        if (value == Math.rint(value)) {
            node.put(field, (long) value);
        } else {
            node.put(field, value);
        }
    }

    private static ObjectNode metadata(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored job's metadata cannot be read", e);
        }
    }
}
