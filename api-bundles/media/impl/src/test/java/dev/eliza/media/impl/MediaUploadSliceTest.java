package dev.eliza.media.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.persistence.impl.SharedTestDatabase;

/** The upload routes' 1.7.2 shapes and every refusal, over a real PostgreSQL and a real media folder. */
class MediaUploadSliceTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, '\r', 'I', 'H', 'D', 'R'};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    private MediaFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new MediaFixture(folder.resolve("media"), 1024 * 1024);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private static JsonNode json(HttpTester.Response response) throws Exception {
        return JSON.readTree(response.getContent());
    }

    private static Multipart png() {
        return new Multipart().file("file", "pixel.png", "image/png", PNG);
    }

    @Test
    void anAgentUploadAnswersInTheShapeOf172AndStoresTheFile() throws Exception {
        UUID agent = f.owners.addAgent();
        HttpTester.Response response = f.upload("/api/media/agents/" + agent + "/upload-media", png());
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(200);
        JsonNode data = json(response).get("data");
        assertThat(json(response).get("success").asBoolean()).isTrue();
        assertThat(data.fieldNames()).toIterable().containsExactly("url", "type", "filename", "originalName",
                "size", "id");
        assertThat(data.get("type").asText()).isEqualTo("image");
        assertThat(data.get("filename").asText()).matches("1795452582264-\\d{9}\\.png");
        assertThat(data.get("url").asText()).isEqualTo("/media/uploads/agents/" + agent + "/"
                + data.get("filename").asText());
        assertThat(data.get("originalName").asText()).isEqualTo("pixel.png");
        assertThat(data.get("size").asLong()).isEqualTo(PNG.length);
        Path stored = folder.resolve("media/uploads/agents/" + agent + "/" + data.get("filename").asText());
        assertThat(Files.readAllBytes(stored)).isEqualTo(PNG);
    }

    @Test
    void channelUploadsReportTheMimeTypeOnBothRoutes() throws Exception {
        UUID channel = f.owners.addChannel();
        Multipart note = new Multipart().file("file", "note.txt", "text/plain", "hello, twenty bytes.".getBytes());
        JsonNode media = json(f.upload("/api/media/channels/" + channel + "/upload-media", note)).get("data");
        assertThat(media.get("type").asText()).isEqualTo("text/plain");
        assertThat(media.get("url").asText()).startsWith("/media/uploads/channels/" + channel + "/").endsWith(".txt");
        assertThat(media.get("size").asInt()).isEqualTo(20);
        JsonNode alias = json(f.upload("/api/messaging/channels/" + channel + "/upload-media", png())).get("data");
        assertThat(alias.get("type").asText()).isEqualTo("image/png");
        assertThat(alias.get("url").asText()).startsWith("/media/uploads/channels/" + channel + "/");
    }

    @Test
    void theClientsFileNameIsOnlyDisplayed() throws Exception {
        UUID agent = f.owners.addAgent();
        Multipart sneaky = new Multipart().file("file", "../../etc/passwd.png", "image/png", PNG);
        JsonNode data = json(f.upload("/api/media/agents/" + agent + "/upload-media", sneaky)).get("data");
        assertThat(data.get("originalName").asText()).isEqualTo("passwd.png");
        assertThat(data.get("filename").asText()).doesNotContain("passwd");
        try (var files = Files.walk(folder)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains("passwd"))).isEmpty();
        }
    }

    @Test
    void noFileIs400InEachFamilysEnvelope() throws Exception {
        UUID agent = f.owners.addAgent();
        UUID channel = f.owners.addChannel();
        Multipart noFile = new Multipart().field("x", "1");
        HttpTester.Response standard = f.upload("/api/media/agents/" + agent + "/upload-media", noFile);
        assertThat(standard.getStatus()).isEqualTo(400);
        assertThat(standard.getContent()).isEqualTo(
                "{\"success\":false,\"error\":{\"code\":\"INVALID_REQUEST\",\"message\":\"No media file provided\"}}");
        HttpTester.Response plain = f.upload("/api/messaging/channels/" + channel + "/upload-media", noFile);
        assertThat(plain.getStatus()).isEqualTo(400);
        assertThat(plain.getContent()).isEqualTo("{\"success\":false,\"error\":\"No media file provided\"}");
    }

    @Test
    void aBadIdIs400AndAnUnknownOwnerIs404() throws Exception {
        HttpTester.Response bad = f.upload("/api/media/agents/nope/upload-media", png());
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContent()).isEqualTo(
                "{\"success\":false,\"error\":{\"code\":\"INVALID_ID\",\"message\":\"Invalid agent ID format\"}}");
        HttpTester.Response agent = f.upload("/api/media/agents/" + UUID.randomUUID() + "/upload-media", png());
        assertThat(agent.getStatus()).isEqualTo(404);
        assertThat(json(agent).at("/error/code").asText()).isEqualTo("NOT_FOUND");
        HttpTester.Response channel = f.upload("/api/media/channels/" + UUID.randomUUID() + "/upload-media", png());
        assertThat(channel.getStatus()).isEqualTo(404);
        HttpTester.Response alias = f.upload("/api/messaging/channels/" + UUID.randomUUID() + "/upload-media", png());
        assertThat(alias.getStatus()).isEqualTo(404);
        assertThat(json(alias).get("error").asText()).isEqualTo("Channel not found");
        assertThat(rows()).isZero();
    }

    @Test
    void aTypeBrowsersWouldRunIs415AndLeavesNothing() throws Exception {
        UUID agent = f.owners.addAgent();
        byte[] large = new byte[200 * 1024];
        java.util.Arrays.fill(large, (byte) 'x');
        for (String type : new String[] {"text/html", "image/svg+xml", "application/octet-stream"}) {
            Multipart page = new Multipart().file("file", "x.html", type, large);
            HttpTester.Response response = f.upload("/api/media/agents/" + agent + "/upload-media", page);
            assertThat(response.getStatus()).as(type).isEqualTo(415);
            assertThat(json(response).at("/error/code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        assertThat(rows()).isZero();
        assertNoFiles();
    }

    /** Nothing stored and nothing left in the spool folder. */
    private void assertNoFiles() throws Exception {
        try (var files = Files.walk(folder.resolve("media"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aFileOverTheLimitIs413AndLeavesNothing() throws Exception {
        UUID agent = f.owners.addAgent();
        Multipart big = new Multipart().file("file", "big.txt", "text/plain", new byte[1024 * 1024 + 1]);
        HttpTester.Response response = f.upload("/api/media/agents/" + agent + "/upload-media", big);
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(413);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(rows()).isZero();
        assertNoFiles();
    }

    @Test
    void aBodyThatIsNotMultipartIsRefusedWithoutA500() throws Exception {
        UUID agent = f.owners.addAgent();
        HttpTester.Response json = f.send("POST", "/api/media/agents/" + agent + "/upload-media",
                Map.of("Content-Type", "application/json"), "{}".getBytes());
        assertThat(json.getStatus()).isEqualTo(415);
        HttpTester.Response broken = f.send("POST", "/api/media/agents/" + agent + "/upload-media",
                Map.of("Content-Type", Multipart.CONTENT_TYPE), "garbage".getBytes(StandardCharsets.US_ASCII));
        assertThat(broken.getStatus()).as(broken.getContent()).isEqualTo(400);
    }

    @Test
    void aPageOfAnotherSiteCannotUploadWhenNoKeyIsSet() throws Exception {
        UUID agent = f.owners.addAgent();
        HttpTester.Response response = f.send("POST", "/api/media/agents/" + agent + "/upload-media",
                Map.of("Content-Type", Multipart.CONTENT_TYPE, "Origin", "http://evil.example"), png().bytes());
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("CROSS_ORIGIN_REFUSED");
        assertThat(rows()).isZero();
    }

    @Test
    void filesByIdAreShownAndDeleted() throws Exception {
        UUID agent = f.owners.addAgent();
        JsonNode data = json(f.upload("/api/media/agents/" + agent + "/upload-media", png())).get("data");
        String id = data.get("id").asText();
        JsonNode file = json(f.get("/api/media/files/" + id, Map.of())).get("data");
        assertThat(file.get("contentType").asText()).isEqualTo("image/png");
        assertThat(file.get("scope").asText()).isEqualTo("agents");
        assertThat(file.get("createdAt").asLong()).isEqualTo(MediaFixture.NOW.toEpochMilli());
        assertThat(f.send("DELETE", "/api/media/files/" + id, Map.of(), null).getStatus()).isEqualTo(204);
        assertThat(f.get(data.get("url").asText(), Map.of()).getStatus()).isEqualTo(404);
        assertThat(f.get("/api/media/files/" + id, Map.of()).getStatus()).isEqualTo(404);
        assertThat(f.send("DELETE", "/api/media/files/" + id, Map.of(), null).getStatus()).isEqualTo(404);
        assertThat(f.get("/api/media/files/nope", Map.of()).getStatus()).isEqualTo(400);
        assertThat(Files.exists(folder.resolve("media/uploads/agents/" + agent + "/"
                + data.get("filename").asText()))).isFalse();
    }

    @Test
    void whenTheRecordCannotBeWrittenTheStoredFileIsRemoved() throws Exception {
        UUID agent = f.owners.addAgent();
        assertThat(uploadWithout("media_files", agent)).isEqualTo(500);
        assertNoFiles();
        assertThat(f.upload("/api/media/agents/" + agent + "/upload-media", png()).getStatus()).isEqualTo(200);
    }

    @Test
    void bytesTheDatabaseCannotTakeAtOnceAreStoredFromTheCopyAtTheNextStart() throws Exception {
        assertThat(uploadWithout("media_chunks", f.owners.addAgent())).as("the copy is kept").isEqualTo(200);
        assertThat(rows()).isEqualTo(1);
        assertThat(storedRows()).isZero();
        assertThat(f.library.storeMissingBytes()).isEqualTo(1);
        assertThat(storedRows()).isEqualTo(1);
    }

    /** The status of an upload made while {@code table} is out of the way. */
    private int uploadWithout(String table, UUID agent) throws Exception {
        sql("ALTER TABLE " + table + " RENAME TO " + table + "_away");
        try {
            return f.upload("/api/media/agents/" + agent + "/upload-media", png()).getStatus();
        } finally {
            sql("ALTER TABLE " + table + "_away RENAME TO " + table);
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = SharedTestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static int rows() throws Exception {
        return count("SELECT count(*) FROM media_files");
    }

    private static int storedRows() throws Exception {
        return count("SELECT count(*) FROM media_files WHERE bytes_stored");
    }

    private static int count(String query) throws Exception {
        try (Connection c = SharedTestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getInt(1);
        }
    }
}
