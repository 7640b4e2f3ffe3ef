package dev.eliza.agents.impl;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for the {@code agent_logs} table. */
interface LogMapper {
    String COLUMNS = "id, agent_id, entity_id, room_id, type, body::text AS body_json, created_at";

    /** An entry of an agent deleted meanwhile is dropped; one written twice is stored once. */
    @Insert("INSERT INTO agent_logs (id, agent_id, entity_id, room_id, type, body, created_at)"
            + " SELECT #{id}::uuid, #{agentId}::uuid, #{entityId}::uuid, #{roomId}::uuid, #{type}::text,"
            + " #{body}::jsonb, #{createdAt}::timestamptz WHERE EXISTS (SELECT 1 FROM agents WHERE id = #{agentId})"
            + " ON CONFLICT (id) DO NOTHING")
    int insert(@Param("id") UUID id, @Param("agentId") UUID agentId, @Param("entityId") UUID entityId,
               @Param("roomId") UUID roomId, @Param("type") String type, @Param("body") String body,
               @Param("createdAt") Instant createdAt);

    @Select("<script>SELECT " + COLUMNS + " FROM agent_logs WHERE agent_id = #{agentId}"
            + "<if test='type != null'> AND type = #{type}</if>"
            + "<if test='roomId != null'> AND room_id = #{roomId}</if>"
            + "<if test='!exclude.isEmpty()'>"
            + " AND type NOT IN <foreach item='x' collection='exclude' open='(' separator=',' close=')'>#{x}</foreach>"
            + " AND split_part(type, ':', 1) NOT IN"
            + " <foreach item='x' collection='exclude' open='(' separator=',' close=')'>#{x}</foreach></if>"
            + " ORDER BY created_at DESC, id DESC LIMIT #{limit} OFFSET #{offset}</script>")
    List<LogRow> find(@Param("agentId") UUID agentId, @Param("type") String type, @Param("roomId") UUID roomId,
                      @Param("exclude") List<String> exclude, @Param("offset") int offset, @Param("limit") int limit);

    @Select("<script>SELECT " + COLUMNS + " FROM agent_logs WHERE agent_id = #{agentId}"
            + "<choose><when test='runId != null'> AND body ->> 'runId' = #{runId}</when>"
            + "<otherwise> AND body ->> 'runId' IS NOT NULL</otherwise></choose>"
            + " ORDER BY created_at, id</script>")
    List<LogRow> findRunEntries(@Param("agentId") UUID agentId, @Param("runId") String runId);

    @Delete("DELETE FROM agent_logs WHERE id = #{id} AND agent_id = #{agentId}")
    int delete(@Param("agentId") UUID agentId, @Param("id") UUID id);

    /** Keeps the agent's newest {@code keep} entries. */
    @Delete("DELETE FROM agent_logs WHERE agent_id = #{agentId} AND id IN (SELECT id FROM agent_logs"
            + " WHERE agent_id = #{agentId} ORDER BY created_at DESC, id DESC OFFSET #{keep})")
    int prune(@Param("agentId") UUID agentId, @Param("keep") int keep);
}
