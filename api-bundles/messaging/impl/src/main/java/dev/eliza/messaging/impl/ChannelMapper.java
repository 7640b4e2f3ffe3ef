package dev.eliza.messaging.impl;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for {@code channels} and {@code channel_participants}. */
interface ChannelMapper {
    String COLUMNS = "id, server_id, name, type, source_type, metadata::text AS metadata_json, created_at, updated_at";

    @Select("SELECT " + COLUMNS + " FROM channels WHERE id = #{id}")
    ChannelRow findById(@Param("id") UUID id);

    /** The channel and its participants in join order, in one round trip. */
    @Select("SELECT " + COLUMNS + ", (SELECT string_agg(p.participant_id::text, ',' ORDER BY p.joined_at,"
            + " p.participant_id) FROM channel_participants p WHERE p.channel_id = channels.id) AS participant_ids"
            + " FROM channels WHERE id = #{id}")
    ChannelMembersRow findWithParticipants(@Param("id") UUID id);

    @Select("SELECT " + COLUMNS + " FROM channels WHERE server_id = #{serverId} ORDER BY created_at, id")
    List<ChannelRow> findByServer(@Param("serverId") UUID serverId);

    /** The DM channel between two people, whichever of them opened it. */
    @Select("SELECT " + COLUMNS + " FROM channels c WHERE c.server_id = #{serverId} AND c.type = 'DM'"
            + " AND EXISTS (SELECT 1 FROM channel_participants p WHERE p.channel_id = c.id AND p.participant_id = #{a})"
            + " AND EXISTS (SELECT 1 FROM channel_participants p WHERE p.channel_id = c.id AND p.participant_id = #{b})"
            + " AND (SELECT count(*) FROM channel_participants p WHERE p.channel_id = c.id) = 2"
            + " ORDER BY c.created_at, c.id LIMIT 1")
    ChannelRow findDm(@Param("serverId") UUID serverId, @Param("a") UUID a, @Param("b") UUID b);

    /** Serialises first-time DM creation for one pair of people until the transaction ends. */
    @Select("SELECT pg_advisory_xact_lock(#{key}, 0)::text")
    String lockPair(@Param("key") int key);

    @Insert("INSERT INTO channels (id, server_id, name, type, source_type, metadata, created_at, updated_at)"
            + " VALUES (#{id}, #{serverId}, #{name}, #{type}, #{sourceType}, #{metadata}::json, #{now}, #{now})"
            + " ON CONFLICT (id) DO NOTHING")
    int insert(@Param("id") UUID id, @Param("serverId") UUID serverId, @Param("name") String name,
               @Param("type") String type, @Param("sourceType") String sourceType,
               @Param("metadata") String metadata, @Param("now") Instant now);

    @Update("UPDATE channels SET name = #{name}, metadata = #{metadata}::json, updated_at = #{now} WHERE id = #{id}")
    int update(@Param("id") UUID id, @Param("name") String name, @Param("metadata") String metadata,
               @Param("now") Instant now);

    @Delete("DELETE FROM channels WHERE id = #{id}")
    int delete(@Param("id") UUID id);

    /** As text: MyBatis cannot build a bare {@code UUID} result itself. */
    @Select("SELECT participant_id::text FROM channel_participants WHERE channel_id = #{channelId}"
            + " ORDER BY joined_at, participant_id")
    List<String> participants(@Param("channelId") UUID channelId);

    @Insert("INSERT INTO channel_participants (channel_id, participant_id, joined_at)"
            + " VALUES (#{channelId}, #{participantId}, clock_timestamp()) ON CONFLICT DO NOTHING")
    int addParticipant(@Param("channelId") UUID channelId, @Param("participantId") UUID participantId);

    @Delete("DELETE FROM channel_participants WHERE channel_id = #{channelId} AND participant_id = #{participantId}")
    int removeParticipant(@Param("channelId") UUID channelId, @Param("participantId") UUID participantId);

    @Delete("DELETE FROM channel_participants WHERE channel_id = #{channelId}")
    int removeParticipants(@Param("channelId") UUID channelId);
}
