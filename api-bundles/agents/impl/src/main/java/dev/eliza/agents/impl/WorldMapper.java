package dev.eliza.agents.impl;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for the {@code agent_worlds} table. */
interface WorldMapper {
    String COLUMNS = "id, agent_id, name, metadata::text AS metadata_json, message_server_id, created_at";

    @Select("SELECT " + COLUMNS + " FROM agent_worlds ORDER BY created_at, id")
    List<WorldRow> findAll();

    @Select("SELECT " + COLUMNS + " FROM agent_worlds WHERE agent_id = #{agentId} ORDER BY created_at, id")
    List<WorldRow> findByAgent(@Param("agentId") UUID agentId);

    @Select("SELECT " + COLUMNS + " FROM agent_worlds WHERE id = #{id} AND agent_id = #{agentId}")
    WorldRow find(@Param("agentId") UUID agentId, @Param("id") UUID id);

    @Select("SELECT " + COLUMNS + " FROM agent_worlds WHERE id = #{id}")
    WorldRow findById(@Param("id") UUID id);

    /** Nothing is inserted when the id is taken (another caller won the race) or the agent does not exist. */
    @Insert("INSERT INTO agent_worlds (id, agent_id, name, metadata, message_server_id, created_at)"
            + " SELECT #{id}::uuid, #{agentId}::uuid, #{name}::text, #{metadata}::jsonb, #{messageServerId}::uuid,"
            + " #{now}::timestamptz"
            + " WHERE EXISTS (SELECT 1 FROM agents WHERE id = #{agentId}) ON CONFLICT (id) DO NOTHING")
    int insertIfAbsent(@Param("id") UUID id, @Param("agentId") UUID agentId, @Param("name") String name,
                       @Param("metadata") String metadata, @Param("messageServerId") UUID messageServerId,
                       @Param("now") Instant now);

    @Delete("DELETE FROM agent_worlds WHERE id = #{id}")
    int delete(@Param("id") UUID id);

    /** Nothing is inserted for an agent deleted meanwhile (the foreign key would fail instead). */
    @Insert("INSERT INTO agent_worlds (id, agent_id, name, metadata, message_server_id, created_at)"
            + " SELECT #{id}::uuid, #{agentId}::uuid, #{name}::text, #{metadata}::jsonb, #{messageServerId}::uuid,"
            + " #{now}::timestamptz"
            + " WHERE EXISTS (SELECT 1 FROM agents WHERE id = #{agentId})")
    int insert(@Param("id") UUID id, @Param("agentId") UUID agentId, @Param("name") String name,
               @Param("metadata") String metadata, @Param("messageServerId") UUID messageServerId,
               @Param("now") Instant now);

    /** The merge happens in one statement, so concurrent changes of one world both land. */
    @Update("UPDATE agent_worlds SET name = coalesce(#{name}::text, name),"
            + " metadata = metadata || coalesce(#{metadata}::jsonb, '{}'::jsonb)"
            + " WHERE id = #{id} AND agent_id = #{agentId}")
    int update(@Param("agentId") UUID agentId, @Param("id") UUID id, @Param("name") String name,
               @Param("metadata") String metadata);
}
