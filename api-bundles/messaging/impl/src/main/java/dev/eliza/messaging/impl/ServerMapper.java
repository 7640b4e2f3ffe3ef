package dev.eliza.messaging.impl;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for {@code message_servers} and {@code server_agents}. */
interface ServerMapper {
    String COLUMNS = "id, name, source_type, source_id, metadata::text AS metadata_json, created_at, updated_at";

    @Select("SELECT " + COLUMNS + " FROM message_servers ORDER BY created_at, id")
    List<ServerRow> findAll();

    @Select("SELECT " + COLUMNS + " FROM message_servers WHERE id = #{id}")
    ServerRow findById(@Param("id") UUID id);

    @Insert("INSERT INTO message_servers (id, name, source_type, source_id, metadata, created_at, updated_at)"
            + " VALUES (#{id}, #{name}, #{sourceType}, #{sourceId}, #{metadata}::jsonb, #{now}, #{now})")
    int insert(@Param("id") UUID id, @Param("name") String name, @Param("sourceType") String sourceType,
               @Param("sourceId") String sourceId, @Param("metadata") String metadata, @Param("now") Instant now);

    @Delete("DELETE FROM message_servers WHERE id = #{id}")
    int delete(@Param("id") UUID id);

    /** As text: MyBatis cannot build a bare {@code UUID} result itself. */
    @Select("SELECT agent_id::text FROM server_agents WHERE server_id = #{serverId} ORDER BY agent_id")
    List<String> agentsOf(@Param("serverId") UUID serverId);

    @Select("SELECT server_id::text FROM server_agents WHERE agent_id = #{agentId} ORDER BY server_id")
    List<String> serversOf(@Param("agentId") UUID agentId);

    @Insert("INSERT INTO server_agents (server_id, agent_id) VALUES (#{serverId}, #{agentId})"
            + " ON CONFLICT DO NOTHING")
    int addAgent(@Param("serverId") UUID serverId, @Param("agentId") UUID agentId);

    @Delete("DELETE FROM server_agents WHERE server_id = #{serverId} AND agent_id = #{agentId}")
    int removeAgent(@Param("serverId") UUID serverId, @Param("agentId") UUID agentId);
}
