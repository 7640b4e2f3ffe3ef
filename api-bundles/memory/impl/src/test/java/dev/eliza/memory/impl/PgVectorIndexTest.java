package dev.eliza.memory.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;

import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

import dev.eliza.memory.api.Memory;
import dev.eliza.models.api.Embedding;
import dev.eliza.persistence.impl.ExternalTestDatabase;
import dev.eliza.persistence.impl.SharedTestDatabase;

/**
 * The pgvector index against a real server with the extension, named by {@code PGVECTOR_TEST_URL} (CI starts one
 * with {@code .ci/pgvector-server.sh}, which builds pgvector from Debian's source: the embedded PostgreSQL has none
 * and Debian bookworm packages none); without that variable the pgvector test is skipped. It works in a database of
 * its own on that server, dropped after. On the embedded server it checks that the index is not chosen there.
 */
class PgVectorIndexTest {
    private static final String URL = System.getenv("PGVECTOR_TEST_URL");

    @Test
    void withoutTheExtensionTheInMemoryIndexIsChosen() throws Exception {
        SqlSessionFactory sessions = MemoryFixture.freshSessions();
        assertThat(PgVectorIndex.open(sessions)).isEmpty();
        VectorIndex index = MemoryIndexes.open(sessions, new MemoryStore(sessions), Runnable::run, 1);
        assertThat(index.name()).isEqualTo("in-memory");
        assertThat(SharedTestDatabase.get().mode()).isEqualTo("embedded");
    }

    @Test
    void pgvectorAnswersAsTheInMemoryIndexDoes() throws Exception {
        assumeTrue(URL != null && !URL.isBlank(), "PGVECTOR_TEST_URL is not set: no PostgreSQL with pgvector to"
                + " test against (start one with .ci/pgvector-server.sh)");
        try (ExternalTestDatabase database = new ExternalTestDatabase(URL)) {
            database.migrate("memory", MemoryFixture.migrations());
            assertAnswersAsTheInMemoryIndex(database);
        }
    }

    private void assertAnswersAsTheInMemoryIndex(ExternalTestDatabase database) throws Exception {
        SqlSessionFactory sessions = database.sessionFactory(getClass().getClassLoader(), MemoryMapper.class,
                PgVectorMapper.class);
        MemoryStore store = new MemoryStore(sessions);
        UUID agent = UUID.randomUUID();
        UUID kitchen = UUID.randomUUID();
        UUID garden = UUID.randomUUID();
        Map<String, UUID> texts = Map.of("the soup needs salt", kitchen, "bake the bread", kitchen,
                "water the roses", garden, "ripe tomatoes in the garden", garden, "salt the tomatoes", garden);
        // Stored before the index opens, as after running without pgvector: opening copies them into its column.
        texts.forEach((text, room) -> store.insert(new Memory(UUID.randomUUID(), agent, agent, room,
                Optional.empty(), "messages", MemoryStore.JSON.createObjectNode().put("text", text),
                MemoryStore.JSON.createObjectNode(), false, 1), Optional.of(new Embedding(FakeEmbeddings.vector(text),
                "fake-bow"))));
        PgVectorIndex pgvector = PgVectorIndex.open(sessions).orElseThrow();
        FlatIndex flat = MemoryIndexes.load(store, Executors.newSingleThreadExecutor(), 1);
        assertThat(pgvector.name()).isEqualTo("pgvector");
        assertThat(pgvector.models(agent)).containsExactly("fake-bow");
        for (String query : List.of("salt", "garden tomatoes", "roses", "bread soup")) {
            float[] q = FakeEmbeddings.vector(query);
            for (Optional<UUID> room : List.of(Optional.<UUID>empty(), Optional.of(garden))) {
                List<VectorIndex.Hit> expected = flat.search(agent, "fake-bow", q, room, 3, 0.01);
                List<VectorIndex.Hit> actual = pgvector.search(agent, "fake-bow", q, room, 3, 0.01);
                assertThat(actual).extracting(VectorIndex.Hit::id).as(query)
                        .containsExactlyElementsOf(expected.stream().map(VectorIndex.Hit::id).toList());
            }
        }
        UUID best = pgvector.search(agent, "fake-bow", FakeEmbeddings.vector("roses"), Optional.empty(), 1, 0)
                .get(0).id();
        pgvector.remove(agent, List.of(best));
        assertThat(pgvector.search(agent, "fake-bow", FakeEmbeddings.vector("roses"), Optional.empty(), 5, 0))
                .extracting(VectorIndex.Hit::id).doesNotContain(best);
        assertThat(pgvector.search(agent, "other-model", FakeEmbeddings.vector("roses"), Optional.empty(), 5, 0))
                .isEmpty();
    }
}
