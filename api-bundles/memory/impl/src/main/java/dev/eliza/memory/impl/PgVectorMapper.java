package dev.eliza.memory.impl;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * SQL of the pgvector index: a {@code vec vector} column beside the stored bytes and one HNSW index per dimension
 * over the expression {@code vec::vector(n)} for the rows of that dimension, as pgvector's documentation indexes
 * vectors of mixed dimensions. {@code ${dims}} is always an int the code computed (a vector's length), never text
 * from a request: a type modifier cannot be a bind parameter. A row whose vector left the index ({@code vec} NULL)
 * is no hit: HNSW leaves it out, and an exact scan would rank it last with no distance.
 */
public interface PgVectorMapper {

    @Select("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector')")
    boolean available();

    @Update("CREATE EXTENSION IF NOT EXISTS vector")
    void createExtension();

    @Update("ALTER TABLE memories ADD COLUMN IF NOT EXISTS vec vector")
    void addColumn();

    @Update("CREATE INDEX IF NOT EXISTS memories_vec_${dims} ON memories USING hnsw ((vec::vector(${dims}))"
            + " vector_cosine_ops) WHERE dims = ${dims}")
    void createIndex(@Param("dims") int dims);

    @Select("SELECT DISTINCT dims FROM memories WHERE dims IS NOT NULL")
    List<Integer> dimensions();

    @Update("UPDATE memories SET vec = CAST(#{vector} AS vector) WHERE id = #{id} AND embedding IS NOT NULL")
    int setVector(@Param("id") UUID id, @Param("vector") String vector);

    /** MyBatis has no type handler for a {@code UUID} met inside a {@code foreach}: the ids go as objects. */
    @Update("<script>UPDATE memories m SET vec = CAST(v.vec AS vector) FROM (VALUES"
            + "<foreach item='u' collection='updates' separator=','>(#{u.id,javaType=Object}::uuid, #{u.vector}::text)"
            + "</foreach>) AS v (id, vec) WHERE m.id = v.id AND m.embedding IS NOT NULL</script>")
    int setVectors(@Param("updates") List<VectorUpdate> updates);

    /** One row of {@link #setVectors}: a memory and its vector in pgvector's text form. */
    record VectorUpdate(UUID id, String vector) {
    }

    @Update("<script>UPDATE memories SET vec = NULL WHERE id IN"
            + "<foreach item='i' collection='ids' open='(' separator=',' close=')'>#{i}</foreach></script>")
    int clearVectors(@Param("ids") Collection<UUID> ids);

    /** Vectors stored while the in-memory index was in use, still to copy into {@code vec}. */
    @Select("SELECT id, agent_id, room_id, embedding_model, embedding FROM memories WHERE vec IS NULL"
            + " AND embedding IS NOT NULL LIMIT #{limit}")
    List<VectorRow> missing(@Param("limit") int limit);

    /** What {@link #models} walks: an agent's indexed models without reading its rows. */
    @Update("CREATE INDEX IF NOT EXISTS memories_vec_models ON memories (agent_id, embedding_model)"
            + " WHERE vec IS NOT NULL")
    void createModelsIndex();

    /**
     * The agent's models, one index probe each (a loose index scan): a DISTINCT over its rows read them all, 350 ms
     * for 100,000 memories, before every search.
     */
    @Select("WITH RECURSIVE found (model) AS ("
            + " (SELECT embedding_model FROM memories WHERE agent_id = #{agentId} AND vec IS NOT NULL"
            + " ORDER BY embedding_model LIMIT 1)"
            + " UNION ALL SELECT (SELECT embedding_model FROM memories WHERE agent_id = #{agentId} AND vec IS NOT NULL"
            + " AND embedding_model > found.model ORDER BY embedding_model LIMIT 1) FROM found"
            + " WHERE found.model IS NOT NULL)"
            + " SELECT model FROM found WHERE model IS NOT NULL")
    List<String> models(@Param("agentId") UUID agentId);

    @Update("SET LOCAL hnsw.ef_search = ${ef}")
    void efSearch(@Param("ef") int ef);

    @Select("<script>SELECT id, 1 - (vec::vector(${dims}) &lt;=&gt; CAST(#{query} AS vector(${dims}))) AS similarity"
            + " FROM memories WHERE agent_id = #{agentId} AND dims = ${dims} AND embedding_model = #{model}"
            + " AND vec IS NOT NULL"
            + "<if test='roomId != null'> AND room_id = #{roomId}</if>"
            + " ORDER BY vec::vector(${dims}) &lt;=&gt; CAST(#{query} AS vector(${dims})) LIMIT #{limit}</script>")
    List<SimilarRow> search(@Param("agentId") UUID agentId, @Param("model") String model,
                            @Param("dims") int dims, @Param("query") String query, @Param("roomId") UUID roomId,
                            @Param("limit") int limit);
}
