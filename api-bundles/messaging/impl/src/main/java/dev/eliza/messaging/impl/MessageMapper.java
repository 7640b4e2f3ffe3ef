package dev.eliza.messaging.impl;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.ResultMap;
import org.apache.ibatis.annotations.Results;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.type.InstantTypeHandler;
import org.apache.ibatis.type.StringTypeHandler;

/** SQL for {@code messages}. */
interface MessageMapper {
    String COLUMNS = "id, channel_id, server_id, author_id, author_name, content, source_type, source_id,"
            + " raw_message::text AS raw_message_json, metadata::text AS metadata_json,"
            + " attachments::text AS attachments_json, in_reply_to, created_at, updated_at";

    @Insert("INSERT INTO messages (id, channel_id, server_id, author_id, author_name, content, source_type,"
            + " source_id, raw_message, metadata, attachments, in_reply_to, created_at, updated_at)"
            + " VALUES (#{m.id}, #{m.channelId}, #{m.serverId}, #{m.authorId}, #{m.authorName}, #{m.content},"
            + " #{m.sourceType}, #{m.sourceId}, #{m.rawMessageJson}::jsonb, #{m.metadataJson}::json,"
            + " #{m.attachmentsJson}::jsonb, #{m.inReplyTo}, #{m.createdAt}, #{m.updatedAt})")
    int insert(@Param("m") MessageRow message);

    /**
     * Declares the row's constructor by column position with its type handlers, which the other selects reuse: a
     * page maps up to hundreds of rows, and MyBatis's own discovery looked the handlers up again for every row.
     */
    @Results(id = "messageRow")
    @ConstructorArgs({
            @Arg(column = "id", javaType = UUID.class),
            @Arg(column = "channel_id", javaType = UUID.class),
            @Arg(column = "server_id", javaType = UUID.class),
            @Arg(column = "author_id", javaType = UUID.class),
            @Arg(column = "author_name", javaType = String.class, typeHandler = StringTypeHandler.class),
            @Arg(column = "content", javaType = String.class, typeHandler = StringTypeHandler.class),
            @Arg(column = "source_type", javaType = String.class, typeHandler = StringTypeHandler.class),
            @Arg(column = "source_id", javaType = String.class, typeHandler = StringTypeHandler.class),
            @Arg(column = "raw_message_json", javaType = String.class, typeHandler = StringTypeHandler.class),
            @Arg(column = "metadata_json", javaType = String.class, typeHandler = StringTypeHandler.class),
            @Arg(column = "attachments_json", javaType = String.class, typeHandler = StringTypeHandler.class),
            @Arg(column = "in_reply_to", javaType = UUID.class),
            @Arg(column = "created_at", javaType = Instant.class, typeHandler = InstantTypeHandler.class),
            @Arg(column = "updated_at", javaType = Instant.class, typeHandler = InstantTypeHandler.class)})
    @Select("SELECT " + COLUMNS + " FROM messages WHERE id = #{id}")
    MessageRow findById(@Param("id") UUID id);

    /**
     * One page, newest first. A {@code beforeId} makes the cursor the exact position of that message (time, then
     * id), so messages stored in the same millisecond are neither skipped nor repeated.
     */
    @Select("<script>SELECT " + COLUMNS + " FROM messages WHERE channel_id = #{channelId}"
            + "<if test='before != null and beforeId == null'> AND created_at &lt; #{before}</if>"
            + "<if test='before != null and beforeId != null'> AND (created_at, id) &lt; (#{before}, #{beforeId})</if>"
            + "<if test='after != null'> AND created_at &gt; #{after}</if>"
            + " ORDER BY created_at DESC, id DESC LIMIT #{limit}</script>")
    @ResultMap("messageRow")
    List<MessageRow> page(@Param("channelId") UUID channelId, @Param("before") Instant before,
                          @Param("beforeId") UUID beforeId, @Param("after") Instant after,
                          @Param("limit") int limit);

    /** The oldest {@code limit} messages after a time, oldest first (forward cursor paging). */
    @Select("SELECT " + COLUMNS + " FROM messages WHERE channel_id = #{channelId} AND created_at > #{after}"
            + " ORDER BY created_at, id LIMIT #{limit}")
    @ResultMap("messageRow")
    List<MessageRow> pageAfter(@Param("channelId") UUID channelId, @Param("after") Instant after,
                               @Param("limit") int limit);

    /** Full-text search over a channel, a server or everything, best match first, then newest. */
    @Select("<script>SELECT " + COLUMNS + " FROM messages WHERE search @@ plainto_tsquery('english', #{query})"
            + "<if test='channelId != null'> AND channel_id = #{channelId}</if>"
            + "<if test='serverId != null'> AND server_id = #{serverId}</if>"
            + "<if test='authorId != null'> AND author_id = #{authorId}</if>"
            + " ORDER BY ts_rank(search, plainto_tsquery('english', #{query})) DESC, created_at DESC, id DESC"
            + " LIMIT #{limit} OFFSET #{offset}</script>")
    @ResultMap("messageRow")
    List<MessageRow> search(@Param("query") String query, @Param("channelId") UUID channelId,
                            @Param("serverId") UUID serverId, @Param("authorId") UUID authorId,
                            @Param("limit") int limit, @Param("offset") int offset);

    @Update("UPDATE messages SET content = #{content}, raw_message = COALESCE(#{rawMessage}::jsonb, raw_message),"
            + " updated_at = #{now} WHERE id = #{id}")
    int update(@Param("id") UUID id, @Param("content") String content, @Param("rawMessage") String rawMessage,
               @Param("now") Instant now);

    @Delete("DELETE FROM messages WHERE id = #{id} AND channel_id = #{channelId}")
    int delete(@Param("channelId") UUID channelId, @Param("id") UUID id);

    @Delete("DELETE FROM messages WHERE channel_id = #{channelId}")
    int clear(@Param("channelId") UUID channelId);
}
