package dev.eliza.memory.impl;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.ResultType;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.mapping.ResultSetType;
import org.apache.ibatis.session.ResultHandler;

/** SQL over {@code memories}. Fields are passed one by one: MyBatis has no type handler for a bean's UUID. */
public interface MemoryMapper {
    /** In {@link MemoryRow}'s constructor order, with the vector when {@code withEmbedding} is true. */
    String COLUMNS = "id, agent_id, entity_id, room_id, world_id, type, content::text AS content_json,"
            + " metadata::text AS metadata_json, is_unique, created_at,"
            + " CASE WHEN #{withEmbedding} THEN embedding END AS embedding,"
            + " CASE WHEN #{withEmbedding} THEN embedding_model END AS embedding_model";
    String ROOMS = "<if test='rooms != null'> AND room_id IN"
            + "<foreach item='r' collection='rooms' open='(' separator=',' close=')'>#{r}</foreach></if>";

    /** Inserts the memory unless its id exists; 0 when it did. */
    @Insert("INSERT INTO memories (id, agent_id, entity_id, room_id, world_id, type, content, metadata, is_unique,"
            + " created_at, embedding, embedding_model, dims) VALUES (#{id}, #{agentId}, #{entityId}, #{roomId},"
            + " #{worldId}, #{type}, #{content}::jsonb, #{metadata}::jsonb, #{unique}, #{createdAt}, #{embedding},"
            + " #{model}, #{dims}) ON CONFLICT (id) DO NOTHING")
    int insert(@Param("id") UUID id, @Param("agentId") UUID agentId, @Param("entityId") UUID entityId,
               @Param("roomId") UUID roomId, @Param("worldId") UUID worldId, @Param("type") String type,
               @Param("content") String content, @Param("metadata") String metadata,
               @Param("unique") boolean unique, @Param("createdAt") long createdAt,
               @Param("embedding") byte[] embedding, @Param("model") String model, @Param("dims") Integer dims);

    @Select("SELECT " + COLUMNS + " FROM memories WHERE id = #{id}")
    MemoryRow find(@Param("id") UUID id, @Param("withEmbedding") boolean withEmbedding);

    @Select("<script>SELECT " + COLUMNS + " FROM memories WHERE id IN"
            + "<foreach item='i' collection='ids' open='(' separator=',' close=')'>#{i}</foreach></script>")
    List<MemoryRow> findAll(@Param("ids") Collection<UUID> ids, @Param("withEmbedding") boolean withEmbedding);

    @Select("<script>SELECT " + COLUMNS + " FROM memories WHERE agent_id = #{agentId} AND type = #{type}" + ROOMS
            + "<if test='before != null'> AND created_at &lt;= #{before}</if>"
            + "<if test='after != null'> AND created_at &gt;= #{after}</if>"
            + " ORDER BY created_at DESC, id DESC LIMIT #{limit}</script>")
    List<MemoryRow> list(@Param("agentId") UUID agentId, @Param("type") String type,
                         @Param("rooms") Collection<UUID> rooms, @Param("before") Long before,
                         @Param("after") Long after, @Param("limit") int limit,
                         @Param("withEmbedding") boolean withEmbedding);

    @Select("<script>SELECT " + COLUMNS + " FROM memories WHERE (world_id = #{worldId}" + "<if test='rooms != null'>"
            + " OR room_id IN<foreach item='r' collection='rooms' open='(' separator=',' close=')'>#{r}</foreach>"
            + "</if>) AND type = #{type} ORDER BY created_at DESC, id DESC LIMIT #{limit}</script>")
    List<MemoryRow> ofWorld(@Param("worldId") UUID worldId, @Param("rooms") Collection<UUID> rooms,
                            @Param("type") String type, @Param("limit") int limit,
                            @Param("withEmbedding") boolean withEmbedding);

    /** Every memory of the agent, oldest first, for an export. */
    @Select("SELECT " + COLUMNS + " FROM memories WHERE agent_id = #{agentId} ORDER BY created_at, id")
    @Options(fetchSize = 1000, resultSetType = ResultSetType.FORWARD_ONLY)
    @ResultType(MemoryRow.class)
    void exportRows(@Param("agentId") UUID agentId, @Param("withEmbedding") boolean withEmbedding,
                    ResultHandler<MemoryRow> handler);

    /** Every stored vector, streamed: the in-memory index is rebuilt from it at start. */
    @Select("SELECT id, agent_id, room_id, embedding_model, embedding FROM memories WHERE embedding IS NOT NULL")
    @Options(fetchSize = 2000, resultSetType = ResultSetType.FORWARD_ONLY)
    @ResultType(VectorRow.class)
    void vectors(ResultHandler<VectorRow> handler);

    @Select("SELECT id, agent_id, room_id, content->>'text' AS text FROM memories WHERE embedding IS NULL"
            + " AND embed_error IS NULL ORDER BY created_at LIMIT #{limit}")
    List<PendingRow> pending(@Param("limit") int limit);

    @Select("<script>SELECT id, agent_id, room_id, content->>'text' AS text FROM memories WHERE id IN"
            + "<foreach item='i' collection='ids' open='(' separator=',' close=')'>"
            + "#{i}</foreach>"
            + " AND embedding IS NULL AND embed_error IS NULL</script>")
    List<PendingRow> pendingAmong(@Param("ids") Collection<UUID> ids);

    /**
     * An embedding is derived data: should the server crash before the WAL reaches the disk, the memory is simply
     * found unembedded and embedded again, so its transaction need not wait for the flush.
     */
    @Update("ANALYZE memories")
    void analyze();

    @Update("SET LOCAL synchronous_commit TO OFF")
    void relaxCommit();

    /** Stores an embedding unless the text changed meanwhile (the change queued another). */
    @Update("UPDATE memories SET embedding = #{embedding}, embedding_model = #{model}, dims = #{dims}"
            + " WHERE id = #{id} AND embedding IS NULL AND content->>'text' IS NOT DISTINCT FROM #{text}")
    int embedded(@Param("id") UUID id, @Param("text") String text, @Param("embedding") byte[] embedding,
                 @Param("model") String model, @Param("dims") int dims);

    @Update("UPDATE memories SET embed_error = #{error} WHERE id = #{id} AND embedding IS NULL"
            + " AND content->>'text' IS NOT DISTINCT FROM #{text}")
    int failed(@Param("id") UUID id, @Param("text") String text, @Param("error") String error);

    /** Applies a PATCH (null keeps a field); a new text clears the embedding so it is made again. */
    @Update("<script>UPDATE memories SET content = COALESCE(CAST(#{content} AS jsonb), content),"
            + " metadata = COALESCE(CAST(#{metadata} AS jsonb), metadata)"
            + "<if test='reembed'>, embedding = NULL, embedding_model = NULL, dims = NULL, embed_error = NULL</if>"
            + " WHERE id = #{id} AND agent_id = #{agentId}</script>")
    int update(@Param("id") UUID id, @Param("agentId") UUID agentId, @Param("content") String content,
               @Param("metadata") String metadata, @Param("reembed") boolean reembed);

    @Select("DELETE FROM memories WHERE id = #{id} AND agent_id = #{agentId} RETURNING id::text")
    List<String> delete(@Param("id") UUID id, @Param("agentId") UUID agentId);

    @Select("DELETE FROM memories WHERE agent_id = #{agentId} RETURNING id::text")
    List<String> deleteAgent(@Param("agentId") UUID agentId);

    @Select("SELECT DISTINCT agent_id::text FROM memories")
    List<String> agentIds();

    @Select("<script>DELETE FROM memories WHERE agent_id = #{agentId} AND room_id = #{roomId}"
            + "<if test='types != null'> AND type IN"
            + "<foreach item='t' collection='types' open='(' separator=',' close=')'>#{t}</foreach></if>"
            + " RETURNING id::text</script>")
    List<String> deleteRoom(@Param("agentId") UUID agentId, @Param("roomId") UUID roomId,
                          @Param("types") Collection<String> types);

    @Select("<script>DELETE FROM memories WHERE room_id IN"
            + "<foreach item='r' collection='rooms' open='(' separator=',' close=')'>#{r}</foreach>"
            + " RETURNING agent_id, id</script>")
    List<OwnedId> deleteRooms(@Param("rooms") Collection<UUID> rooms);

    @Select("<script>DELETE FROM memories WHERE (world_id = #{worldId}<if test='rooms != null'> OR room_id IN"
            + "<foreach item='r' collection='rooms' open='(' separator=',' close=')'>#{r}</foreach></if>)"
            + " AND type = #{type} RETURNING agent_id, id</script>")
    List<OwnedId> deleteWorld(@Param("worldId") UUID worldId, @Param("rooms") Collection<UUID> rooms,
                              @Param("type") String type);

    @Select("SELECT type AS name, count(*) AS total FROM memories WHERE agent_id = #{agentId} GROUP BY type"
            + " ORDER BY total DESC, name")
    List<CountRow> countByType(@Param("agentId") UUID agentId);

    @Select("SELECT room_id::text AS name, count(*) AS total FROM memories WHERE agent_id = #{agentId}"
            + " GROUP BY room_id ORDER BY total DESC, name LIMIT #{limit}")
    List<CountRow> countByRoom(@Param("agentId") UUID agentId, @Param("limit") int limit);

    @Select("SELECT to_char(to_timestamp(created_at / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS name,"
            + " count(*) AS total FROM memories WHERE agent_id = #{agentId} GROUP BY name ORDER BY name DESC"
            + " LIMIT #{limit}")
    List<CountRow> countByDay(@Param("agentId") UUID agentId, @Param("limit") int limit);

    @Select("SELECT count(*) FROM memories WHERE agent_id = #{agentId} AND embedding IS NOT NULL")
    long countEmbedded(@Param("agentId") UUID agentId);

    @Select("SELECT content->>'text' FROM memories WHERE agent_id = #{agentId} ORDER BY created_at DESC"
            + " LIMIT #{limit}")
    List<String> recentTexts(@Param("agentId") UUID agentId, @Param("limit") int limit);
}
