package dev.eliza.agents.impl;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for the {@code agent_logs} table. */
interface LogMapper {
    String COLUMNS = "id, agent_id, entity_id, room_id, type, body::text AS body_json, created_at";

    /**
     * Entries of agents deleted meanwhile are dropped; one written twice is stored once. MyBatis has no type
     * handler for a {@code UUID} met inside a {@code foreach}, so those go as objects (pgjdbc binds them).
     */
    @Insert("<script>INSERT INTO agent_logs (id, agent_id, entity_id, room_id, type, body, created_at)"
            + " SELECT v.id, v.agent_id, v.entity_id, v.room_id, v.type, v.body, v.created_at FROM (VALUES"
            + "<foreach item='e' collection='rows' separator=','>(#{e.id,javaType=Object}::uuid,"
            + " #{e.agentId,javaType=Object}::uuid, #{e.entityId,javaType=Object}::uuid,"
            + " #{e.roomId,javaType=Object}::uuid, #{e.type}::text, #{e.bodyJson}::jsonb,"
            + " #{e.createdAt}::timestamptz)</foreach>"
            + ") AS v (id, agent_id, entity_id, room_id, type, body, created_at)"
            + " WHERE EXISTS (SELECT 1 FROM agents a WHERE a.id = v.agent_id) ON CONFLICT (id) DO NOTHING</script>")
    int insertAll(@Param("rows") List<LogRow> rows);

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
