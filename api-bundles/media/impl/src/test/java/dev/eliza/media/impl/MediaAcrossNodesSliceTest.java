package dev.eliza.media.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.persistence.impl.SharedTestDatabase;

/**
 * Two nodes on one PostgreSQL, each with its own media folder: an upload taken by one downloads from the other,
 * whole and by ranges, a lost or damaged copy is made again, and a delete on one node is seen by the other.
 */
class MediaAcrossNodesSliceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Over two chunks, so a copy is put together from several rows. */
    private static final byte[] AUDIO = new byte[2 * MediaStore.CHUNK + 12_345];

    static {
        new Random(7).nextBytes(AUDIO);
    }

    @TempDir
    Path folder;
    private MediaFixture a;
    private MediaFixture b;
    private UUID channel;

    @BeforeEach
    void setUp() throws Exception {
        a = new MediaFixture(folder.resolve("a"), 8L * 1024 * 1024);
        b = MediaFixture.otherNode(folder.resolve("b"), 8L * 1024 * 1024);
        channel = a.owners.addChannel();
    }

    @AfterEach
    void tearDown() throws Exception {
        a.close();
        b.close();
    }

    private JsonNode uploadOnA() throws Exception {
        HttpTester.Response response = a.upload("/api/media/channels/" + channel + "/upload-media",
                new Multipart().file("file", "voice.mp3", "audio/mpeg", AUDIO));
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(200);
        return JSON.readTree(response.getContent()).get("data");
    }

    private Path copyOn(String node, JsonNode media) {
        return folder.resolve(node + "/uploads/channels/" + channel + "/" + media.get("filename").asText());
    }

    @Test
    void anUploadTakenByOneNodeDownloadsWholeAndByRangesFromTheOther() throws Exception {
        JsonNode media = uploadOnA();
        assertThat(copyOn("b", media)).doesNotExist();

        HttpTester.Response whole = b.get(media.get("url").asText(), Map.of());
        assertThat(whole.getStatus()).isEqualTo(200);
        assertThat(whole.getContentBytes()).isEqualTo(AUDIO);
        assertThat(whole.get("Content-Type")).isEqualTo("audio/mpeg");
        assertThat(copyOn("b", media)).hasBinaryContent(AUDIO);

        HttpTester.Response range = b.get(media.get("url").asText(), Map.of("Range", "bytes=1048570-1048589"));
        assertThat(range.getStatus()).isEqualTo(206);
        assertThat(range.getContentBytes()).isEqualTo(Arrays.copyOfRange(AUDIO, 1_048_570, 1_048_590));
        assertThat(filesIn(folder.resolve("b/incoming"))).as("nothing left in the making").isEmpty();
    }

    @Test
    void aNodeMakesItsCopyAgainWhenItIsLostOrCutShort() throws Exception {
        JsonNode media = uploadOnA();
        Path copy = copyOn("a", media);
        assertThat(copy).hasBinaryContent(AUDIO);

        Files.delete(copy);
        assertThat(a.get(media.get("url").asText(), Map.of()).getContentBytes()).isEqualTo(AUDIO);

        Files.write(copy, Arrays.copyOf(AUDIO, 100));
        HttpTester.Response again = a.get(media.get("url").asText(), Map.of());
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentBytes()).isEqualTo(AUDIO);
        assertThat(copy).hasBinaryContent(AUDIO);
    }

    @Test
    void anUploadDeletedOnOneNodeIsGoneFromTheOtherAndItsCopyWithIt() throws Exception {
        JsonNode media = uploadOnA();
        assertThat(b.get(media.get("url").asText(), Map.of()).getStatus()).isEqualTo(200);
        assertThat(copyOn("b", media)).exists();

        assertThat(a.send("DELETE", "/api/media/files/" + media.get("id").asText(), Map.of(), null).getStatus())
                .isEqualTo(204);

        HttpTester.Response gone = b.get(media.get("url").asText(), Map.of());
        assertThat(gone.getStatus()).isEqualTo(404);
        assertThat(gone.getContent()).isEqualTo("{\"error\":\"File not found\"}");
        assertThat(copyOn("b", media)).doesNotExist();
        assertThat(copyOn("a", media)).doesNotExist();
    }

    @Test
    void anotherNodeAnswers503UntilTheTakingNodeHasStoredTheBytes() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        try (MediaFixture slow = new MediaFixture(folder.resolve("slow"), 8L * 1024 * 1024, queued::add)) {
            UUID agent = slow.owners.addAgent();
            HttpTester.Response uploaded = slow.upload("/api/media/agents/" + agent + "/upload-media",
                    new Multipart().file("file", "voice.mp3", "audio/mpeg", AUDIO));
            assertThat(uploaded.getStatus()).isEqualTo(200);
            String url = JSON.readTree(uploaded.getContent()).at("/data/url").asText();
            assertThat(slow.get(url, Map.of()).getContentBytes()).as("its own node serves it").isEqualTo(AUDIO);

            HttpTester.Response pending = b.get(url, Map.of());
            assertThat(pending.getStatus()).isEqualTo(503);
            assertThat(pending.get("Retry-After")).isEqualTo("1");
            assertThat(pending.getContent()).contains("still being stored");

            assertThat(queued).hasSize(1);
            queued.get(0).run();
            assertThat(b.get(url, Map.of()).getContentBytes()).isEqualTo(AUDIO);
        }
    }

    @Test
    void aNodeAloneKeepsTheBytesToItselfUntilAnotherNodeMayAskForThem() throws Exception {
        try (MediaFixture alone = MediaFixture.alone(folder.resolve("alone"), 8L * 1024 * 1024)) {
            UUID agent = alone.owners.addAgent();
            HttpTester.Response uploaded = alone.upload("/api/media/agents/" + agent + "/upload-media",
                    new Multipart().file("file", "voice.mp3", "audio/mpeg", AUDIO));
            String url = JSON.readTree(uploaded.getContent()).at("/data/url").asText();
            assertThat(alone.get(url, Map.of()).getContentBytes()).isEqualTo(AUDIO);
            assertThat(b.get(url, Map.of()).getStatus()).as("not in the database").isEqualTo(503);

            assertThat(alone.library.storeMissingBytes()).as("once company came").isEqualTo(1);
            assertThat(b.get(url, Map.of()).getContentBytes()).isEqualTo(AUDIO);
        }
    }

    @Test
    void whenNoCopyCanBePlacedTheBytesAreStoredBeforeTheAnswer() throws Exception {
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        Files.createDirectories(folder.resolve("a/uploads/channels"));
        Files.createSymbolicLink(folder.resolve("a/uploads/channels/" + channel), elsewhere);
        JsonNode media = uploadOnA();
        assertThat(filesIn(elsewhere)).as("nothing written through the link").isEmpty();
        assertThat(b.get(media.get("url").asText(), Map.of()).getContentBytes()).isEqualTo(AUDIO);
    }

    @Test
    void theBytesOfAnUploadRecordedWithoutThemAreStoredFromTheNodeThatHasThem() throws Exception {
        JsonNode media = uploadOnA();
        try (Connection c = SharedTestDatabase.get().dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute("DELETE FROM media_chunks WHERE media_id = '" + media.get("id").asText() + "'");
            s.execute("UPDATE media_files SET bytes_stored = false");
        }
        assertThat(b.get(media.get("url").asText(), Map.of()).getStatus()).as("before").isEqualTo(503);

        assertThat(b.library.storeMissingBytes()).as("B has no copy to give").isZero();
        assertThat(a.library.storeMissingBytes()).isEqualTo(1);
        assertThat(a.library.storeMissingBytes()).as("once").isZero();
        HttpTester.Response after = b.get(media.get("url").asText(), Map.of());
        assertThat(after.getStatus()).isEqualTo(200);
        assertThat(after.getContentBytes()).isEqualTo(AUDIO);
    }

    @Test
    void spooledFilesAStoppedProcessLeftAreSweptAndYoungOnesKept() throws Exception {
        Path old = Files.writeString(a.files.spool("copy"), "left behind");
        Path young = Files.writeString(a.files.spool("upload"), "in flight");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        a.files.sweepSpooled(Duration.ofHours(1), Instant.now());
        assertThat(old).doesNotExist();
        assertThat(young).exists();
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
