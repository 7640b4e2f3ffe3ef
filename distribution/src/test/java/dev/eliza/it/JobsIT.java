package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Jobs API on the real platform with the real {@code @elizaos/api-client}: jobs with and without an agent id
 * answered by the offline provider, list and health; then a restart, after which the completed job is still there
 * and a job asked while the agent runtime was stopped (so still processing when the server went down) completes
 * once the runtime is started again.
 */
class JobsIT {
    private static final Pattern PRINTED = Pattern.compile("(AGENT_ID|JOB_ID)=([0-9a-f-]{36})");

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    @Test
    void jobsAreAnsweredAndSurviveARestart() throws Exception {
        NodeTests.Result first = NodeTests.run("jobs.test.mjs", Map.of("BASE_URL", base(), "STAGE", "first"));
        System.out.println(first.output());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("ℹ fail 0");
        Map<String, String> ids = printedIds(first.output());

        Http http = PLATFORM.http();
        assertThat(http.json("POST", "/api/server/modules/agent-runtime/stop", "").status()).isEqualTo(200);
        Http.Reply pending = http.json("POST", "/api/messaging/jobs", "{\"agentId\":\"" + ids.get("AGENT_ID")
                + "\",\"userId\":\"" + UUID.randomUUID() + "\",\"content\":\"asked while the runtime was stopped\","
                + "\"timeoutMs\":120000}");
        assertThat(pending.status()).as(pending.body()).isEqualTo(201);
        String pendingId = pending.json().path("jobId").asText();
        assertThat(http.get("/api/jobs/" + pendingId).json().path("status").asText()).isEqualTo("processing");

        PLATFORM.process().stop();
        PLATFORM.process().restart();
        // A module stopped through the modules API stays stopped across a restart; the answer comes once it is back.
        assertThat(PLATFORM.http().json("POST", "/api/server/modules/agent-runtime/start", "").status()).isEqualTo(200);

        NodeTests.Result after = NodeTests.run("jobs.test.mjs", Map.of("BASE_URL", base(), "STAGE", "after-restart",
                "AGENT_ID", ids.get("AGENT_ID"), "JOB_ID", ids.get("JOB_ID"), "PENDING_JOB_ID", pendingId));
        System.out.println(after.output());
        assertThat(after.exitCode()).as(after.output()).isZero();
        assertThat(after.output()).contains("ℹ fail 0");
    }

    private static Map<String, String> printedIds(String output) {
        Matcher matcher = PRINTED.matcher(output);
        Map<String, String> ids = new HashMap<>();
        while (matcher.find()) {
            ids.put(matcher.group(1), matcher.group(2));
        }
        assertThat(ids).containsKeys("AGENT_ID", "JOB_ID");
        return ids;
    }

    private static String base() {
        return "http://127.0.0.1:" + PLATFORM.process().port();
    }
}
