package dev.eliza.rooms.impl;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for the {@code rooms} table. */
interface RoomMapper {
    String COLUMNS = "id, agent_id, name, channel_id, message_server_id, world_id, type, source,"
            + " metadata::text AS metadata_json, created_at";

    /** The agent's own room first, then the others oldest first, as 1.7.2 lists them. */
    @Select("SELECT " + COLUMNS + " FROM rooms WHERE agent_id = #{agentId}"
            + " ORDER BY (type = 'SELF') DESC, created_at, id")
    List<RoomRow> findByAgent(@Param("agentId") UUID agentId);

    /** The room with this id, else the room of the channel with this id. */
    @Select("SELECT " + COLUMNS + " FROM rooms WHERE agent_id = #{agentId} AND (id = #{id} OR channel_id = #{id})"
            + " ORDER BY (id = #{id}) DESC LIMIT 1")
    RoomRow find(@Param("agentId") UUID agentId, @Param("id") UUID id);

    @Select("SELECT " + COLUMNS + " FROM rooms WHERE agent_id = #{agentId} AND channel_id = #{channelId}")
    RoomRow findByChannel(@Param("agentId") UUID agentId, @Param("channelId") UUID channelId);

    @Select("SELECT " + COLUMNS + " FROM rooms WHERE id = #{id}")
    RoomRow findById(@Param("id") UUID id);

    @Select("SELECT " + COLUMNS + " FROM rooms WHERE world_id IS NOT NULL ORDER BY created_at, id")
    List<RoomRow> findInWorlds();

    @Select("SELECT id::text FROM rooms WHERE world_id = #{worldId} ORDER BY created_at, id")
    List<String> idsOfWorld(@Param("worldId") UUID worldId);

    /** Nothing is inserted when the id or the agent's channel is taken: whoever came first made the room. */
    @Insert("INSERT INTO rooms (id, agent_id, name, channel_id, message_server_id, world_id, type, source, metadata,"
            + " created_at) VALUES (#{r.id}, #{r.agentId}, #{r.name}, #{r.channelId}, #{r.messageServerId},"
            + " #{r.worldId}, #{r.type}, #{r.source}, #{r.metadataJson}::jsonb, #{r.createdAt})"
            + " ON CONFLICT DO NOTHING")
    int insertIfAbsent(@Param("r") RoomRow row);

    /** Renames and merges metadata key by key in one statement, so concurrent changes both land. */
    @Update("UPDATE rooms SET name = coalesce(#{name}::text, name), metadata = CASE WHEN #{metadata}::jsonb IS NULL"
            + " THEN metadata ELSE coalesce(metadata, '{}'::jsonb) || #{metadata}::jsonb END"
            + " WHERE agent_id = #{agentId} AND id = #{id}")
    int update(@Param("agentId") UUID agentId, @Param("id") UUID id, @Param("name") String name,
               @Param("metadata") String metadata);

    @Delete("DELETE FROM rooms WHERE agent_id = #{agentId} AND id = #{id}")
    int delete(@Param("agentId") UUID agentId, @Param("id") UUID id);

    @Select("DELETE FROM rooms WHERE world_id = #{worldId} RETURNING id::text")
    List<String> deleteWorld(@Param("worldId") UUID worldId);

    @Delete("DELETE FROM rooms WHERE agent_id = #{agentId}")
    int deleteAgent(@Param("agentId") UUID agentId);

    @Select("SELECT DISTINCT agent_id::text FROM rooms")
    List<String> agentIds();
}
