package dev.eliza.jobs.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.http.testing.ResourceSlice;

class JobsSliceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final UUID AGENT = UUID.fromString("ba201732-6d0d-0ac4-860a-7d7ab0a712eb");
    static final UUID OTHER = UUID.fromString("5d8f1c2e-9a43-4c1b-8e6f-2b7a9c0d1e3f");
    static final UUID USER = UUID.fromString("e1d9d78e-dbc2-48fc-9dcf-fc67b3f698c8");
    static final String BASE = "/api/messaging/jobs";

    final InMemoryJobStore store = new InMemoryJobStore();
    final FakeMessaging messaging = new FakeMessaging();
    final List<UUID> active = new CopyOnWriteArrayList<>(List.of(AGENT, OTHER));
    final ExecutorService pool = Executors.newFixedThreadPool(2);
    JobRunner runner;
    ResourceSlice slice;

    @BeforeEach
    void start() throws Exception {
        slice = sliceWith(2_000);
    }

    ResourceSlice sliceWith(int maxJobs) throws Exception {
        runner = new JobRunner(store, messaging, new ReplyLookup(messaging, messaging::deliveries), pool,
                Clock.systemUTC(), 50);
        Jobs jobs = new Jobs(store, () -> active, id -> active.contains(id), messaging, runner, Clock.systemUTC(), maxJobs);
        return ResourceSlice.of(new JobsResource(jobs, Clock.systemUTC()));
    }

    @AfterEach
    void stop() throws Exception {
        slice.close();
        pool.shutdownNow();
    }

    @Test
    void aJobIsPostedToTheAgentAndCompletesWithItsAnswer() throws Exception {
        HttpTester.Response created = create("{\"agentId\":\"" + AGENT + "\",\"userId\":\"" + USER
                + "\",\"content\":\"job question\",\"timeoutMs\":20000,\"metadata\":{\"source\":\"test\"}}");
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.getContent());
        assertThat(fields(body)).containsExactly("jobId", "status", "createdAt", "expiresAt");
        assertThat(body.path("status").asText()).isEqualTo("processing");
        assertThat(body.path("expiresAt").asLong() - body.path("createdAt").asLong()).isEqualTo(20_000);

        assertThat(messaging.posts).hasSize(1);
        var post = messaging.posts.get(0);
        assertThat(post.authorId()).isEqualTo(USER);
        assertThat(post.text()).isEqualTo("job question");
        assertThat(post.createChannel()).isTrue();
        assertThat(post.metadata().path("targetAgentId").asText()).isEqualTo(AGENT.toString());
        assertThat(post.metadata().path("source").asText()).isEqualTo("test");
        String jobId = body.path("jobId").asText();

        JsonNode processing = get(jobId);
        assertThat(fields(processing)).containsExactly("jobId", "status", "agentId", "userId", "prompt", "createdAt",
                "expiresAt", "metadata");
        assertThat(processing.path("prompt").asText()).isEqualTo("job question");

        UUID message = messaging.recent(post.channelId(), 1).get(0).id();
        var reply = messaging.answer(message, "the answer");
        awaitStatus(jobId, "completed");
        JsonNode done = get(jobId);
        assertThat(fields(done)).containsExactly("jobId", "status", "agentId", "userId", "prompt", "createdAt",
                "expiresAt", "result", "metadata");
        JsonNode result = done.path("result");
        assertThat(result.path("message").path("id").asText()).isEqualTo(reply.id().toString());
        assertThat(result.path("message").path("content").asText()).isEqualTo("the answer");
        assertThat(result.path("message").path("authorId").asText()).isEqualTo(AGENT.toString());
        assertThat(result.path("message").path("createdAt").asLong()).isEqualTo(reply.createdAt());
        assertThat(result.path("processingTimeMs").asLong())
                .isEqualTo(reply.createdAt() - body.path("createdAt").asLong());
        await(() -> messaging.openWatches() == 0);
        assertThat(slice.get("/api/jobs/" + jobId).getStatus()).isEqualTo(200);
    }

    @Test
    void withoutAgentIdTheFirstActiveAgentIsAskedAndAnUnknownOrStoppedOneIs404() throws Exception {
        JsonNode created = JSON.readTree(create("{\"userId\":\"" + USER + "\",\"content\":\"hi\"}").getContent());
        JsonNode job = get(created.path("jobId").asText());
        assertThat(job.path("agentId").asText()).isEqualTo(AGENT.toString());
        assertThat(job.path("expiresAt").asLong() - job.path("createdAt").asLong()).isEqualTo(30_000);
        assertThat(create("{\"userId\":\"" + USER + "\",\"agentId\":\"\",\"content\":\"hi\"}").getStatus())
                .isEqualTo(201);

        UUID stopped = UUID.randomUUID();
        error(create("{\"agentId\":\"" + stopped + "\",\"userId\":\"" + USER + "\",\"content\":\"x\"}"), 404,
                "Agent " + stopped + " not found");
        active.clear();
        error(create("{\"userId\":\"" + USER + "\",\"content\":\"x\"}"), 404, "No agents available on server");
    }

    @Test
    void badBodiesGet400WithTheMessagesOf172AndNothingIsStored() throws Exception {
        String user = "\"userId\":\"" + USER + "\"";
        error(create("{\"content\":\"x\"}"), 400, "userId is required and must be a valid UUID string");
        error(create("{" + user + ",\"content\":\"x\",\"timeoutMs\":10}"), 400, "timeoutMs must be at least 1000ms");
        error(create("{" + user + ",\"content\":\"x\",\"timeoutMs\":300001}"), 400,
                "timeoutMs cannot exceed 300000ms");
        error(create("{" + user + ",\"content\":\"x\",\"timeoutMs\":\"5000\"}"), 400,
                "timeoutMs must be a positive number");
        error(create("{" + user + ",\"content\":\"x\",\"timeoutMs\":-1}"), 400, "timeoutMs must be a positive number");
        error(create("{" + user + "}"), 400, "content is required and must be a string");
        error(create("{" + user + ",\"content\":\"\"}"), 400, "content cannot be empty");
        error(create("{" + user + ",\"content\":\"" + "x".repeat(50_001) + "\"}"), 400,
                "content exceeds maximum length of 50000 characters");
        error(create("{" + user + ",\"content\":\"x\",\"metadata\":[1]}"), 400, "metadata must be an object");
        error(create("{" + user + ",\"content\":\"x\",\"metadata\":{\"k\":\"" + "m".repeat(10_000) + "\"}}"), 400,
                "metadata exceeds maximum size of 10000 bytes");
        error(create("{\"userId\":\"not-a-uuid\",\"content\":\"x\"}"), 400,
                "Invalid userId format (must be valid UUID)");
        error(create("{" + user + ",\"agentId\":7,\"content\":\"x\"}"), 400, "agentId must be a valid UUID string");
        error(create("{" + user + ",\"agentId\":\"nope\",\"content\":\"x\"}"), 400,
                "Invalid agentId format (must be valid UUID)");
        error(create("[1]"), 400, "Request body must be an object");
        assertThat(slice.json("POST", BASE, "{\"content\":").getStatus()).isEqualTo(400);
        assertThat(slice.send("POST", BASE, "text/plain", "hi").getStatus()).isEqualTo(415);
        assertThat(store.count()).isZero();
        assertThat(messaging.posts).isEmpty();
    }

    @Test
    void aFailedDeliveryFailsTheJobAndAnUnansweredOneTimesOut() throws Exception {
        String failing = jobId(create("{\"userId\":\"" + USER + "\",\"content\":\"fail me\"}"));
        messaging.fail(lastMessage(), "model provider unavailable");
        awaitStatus(failing, "failed");
        assertThat(get(failing).path("error").asText()).isEqualTo("model provider unavailable");
        assertThat(get(failing).has("result")).isFalse();

        String slow = jobId(create("{\"userId\":\"" + USER + "\",\"content\":\"slow\",\"timeoutMs\":1000}"));
        awaitStatus(slow, "timeout");
        assertThat(get(slow).path("error").asText()).isEqualTo(JobRunner.TIMED_OUT);
        messaging.answer(lastMessage(), "too late");
        assertThat(get(slow).path("status").asText()).isEqualTo("timeout");
    }

    @Test
    void aMessageMessagingRefusesFailsTheJobAt201() throws Exception {
        HttpTester.Response created = create("{\"userId\":\"" + USER + "\",\"content\":\"" + "y".repeat(4_001) + "\"}");
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode job = get(jobId(created));
        assertThat(job.path("status").asText()).isEqualTo("failed");
        assertThat(job.path("error").asText())
                .isEqualTo("Failed to create user message: content must be at most 4000 characters");
        assertThat(messaging.openWatches()).isZero();
    }

    @Test
    void unknownJobsAre404() throws Exception {
        error(slice.get(BASE + "/no-such-job"), 404, "Job not found");
        error(slice.get(BASE + "/" + UUID.randomUUID()), 404, "Job not found");
    }

    @Test
    void theListIsNewestFirstFilteredAndLimitedAndHealthCountsAndRates() throws Exception {
        JsonNode empty = JSON.readTree(slice.get(BASE + "/health").getContent());
        assertThat(empty.toString()).matches("\\{\"healthy\":true,\"timestamp\":\\d+,\"totalJobs\":0,\"statusCounts\":"
                + "\\{\"pending\":0,\"processing\":0,\"completed\":0,\"failed\":0,\"timeout\":0},\"metrics\":"
                + "\\{\"averageProcessingTimeMs\":0,\"successRate\":0,\"failureRate\":0,\"timeoutRate\":0},"
                + "\"maxJobs\":2000}");
        String first = jobId(create("{\"userId\":\"" + USER + "\",\"content\":\"one\"}"));
        messaging.answer(lastMessage(), "first answer");
        awaitStatus(first, "completed");
        String second = jobId(create("{\"userId\":\"" + USER + "\",\"content\":\"two\"}"));
        messaging.fail(lastMessage(), "no");
        awaitStatus(second, "failed");
        String third = jobId(create("{\"userId\":\"" + USER + "\",\"content\":\"three\"}"));
        messaging.fail(lastMessage(), "no");
        awaitStatus(third, "failed");
        String fourth = jobId(create("{\"userId\":\"" + USER + "\",\"content\":\"four\"}"));

        JsonNode all = JSON.readTree(slice.get(BASE).getContent());
        assertThat(all.path("jobs").findValuesAsText("jobId")).containsExactly(fourth, third, second, first);
        assertThat(all.path("total").asInt()).isEqualTo(4);
        JsonNode two = JSON.readTree(slice.get(BASE + "?limit=2").getContent());
        assertThat(two.path("jobs").findValuesAsText("jobId")).containsExactly(fourth, third);
        assertThat(two.path("total").asInt()).isEqualTo(4);
        assertThat(two.path("filtered").asInt()).isEqualTo(2);
        JsonNode failed = JSON.readTree(slice.get("/api/jobs?status=failed").getContent());
        assertThat(failed.path("jobs").findValuesAsText("jobId")).containsExactly(third, second);
        assertThat(JSON.readTree(slice.get(BASE + "?status=bogus&limit=zero").getContent()).path("filtered").asInt())
                .isEqualTo(4);

        JsonNode health = JSON.readTree(slice.get("/api/jobs/health").getContent());
        assertThat(health.path("totalJobs").asInt()).isEqualTo(4);
        assertThat(health.path("statusCounts").toString())
                .isEqualTo("{\"pending\":0,\"processing\":1,\"completed\":1,\"failed\":2,\"timeout\":0}");
        assertThat(health.path("metrics").path("successRate").toString()).isEqualTo("0.33");
        assertThat(health.path("metrics").path("failureRate").toString()).isEqualTo("0.67");
        assertThat(health.path("metrics").path("timeoutRate").toString()).isEqualTo("0");
    }

    @Test
    void whenFullTheOldestEndedJobsMakeRoomAndOtherwiseItIs429() throws Exception {
        slice.close();
        slice = sliceWith(2);
        String first = jobId(create("{\"userId\":\"" + USER + "\",\"content\":\"one\"}"));
        jobId(create("{\"userId\":\"" + USER + "\",\"content\":\"two\"}"));
        error(create("{\"userId\":\"" + USER + "\",\"content\":\"three\"}"), 429,
                "Too many jobs in progress (maximum 2); try again later");
        assertThat(store.count()).isEqualTo(2);
        messaging.answer(messaging.recent(messaging.posts.get(0).channelId(), 1).get(0).id(), "done");
        awaitStatus(first, "completed");
        assertThat(create("{\"userId\":\"" + USER + "\",\"content\":\"three\"}").getStatus()).isEqualTo(201);
        assertThat(slice.get(BASE + "/" + first).getStatus()).isEqualTo(404);
    }

    HttpTester.Response create(String body) throws Exception {
        return slice.json("POST", BASE, body);
    }

    JsonNode get(String jobId) throws Exception {
        HttpTester.Response response = slice.get(BASE + "/" + jobId);
        assertThat(response.getStatus()).isEqualTo(200);
        return JSON.readTree(response.getContent());
    }

    UUID lastMessage() {
        var post = messaging.posts.get(messaging.posts.size() - 1);
        return messaging.recent(post.channelId(), 1).get(0).id();
    }

    static String jobId(HttpTester.Response created) throws Exception {
        assertThat(created.getStatus()).isEqualTo(201);
        return JSON.readTree(created.getContent()).path("jobId").asText();
    }

    void awaitStatus(String jobId, String status) throws Exception {
        await(() -> {
            try {
                return get(jobId).path("status").asText().equals(status);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    static void error(HttpTester.Response response, int status, String message) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContent()).isEqualTo("{\"success\":false,\"error\":" + JSON.writeValueAsString(message)
                + "}");
    }

    static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
