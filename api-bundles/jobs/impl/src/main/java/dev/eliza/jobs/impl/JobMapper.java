package dev.eliza.jobs.impl;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for the {@code jobs} table. */
interface JobMapper {
    /** In {@link Job}'s constructor order. */
    String COLUMNS = "id, agent_id, user_id, prompt, channel_id, message_id, status, created_at, expires_at,"
            + " metadata::text AS metadata_json, reply_id, reply_text, reply_created_at, processing_time_ms, error";
    String ENDED = "status IN ('completed', 'failed', 'timeout')";

    /** Fields are passed one by one: MyBatis has no type handler for a bean's UUID property, only for a value. */
    @Insert("INSERT INTO jobs (id, agent_id, user_id, prompt, channel_id, status, created_at, expires_at, metadata,"
            + " node_id) VALUES (#{id}, #{agentId}, #{userId}, #{prompt}, #{channelId}, #{status}, #{createdAt},"
            + " #{expiresAt}, #{metadata}::json, #{nodeId})")
    void insert(@Param("id") UUID id, @Param("agentId") UUID agentId, @Param("userId") UUID userId,
                @Param("prompt") String prompt, @Param("channelId") UUID channelId, @Param("status") String status,
                @Param("createdAt") long createdAt, @Param("expiresAt") long expiresAt,
                @Param("metadata") String metadata, @Param("nodeId") String nodeId);

    @Update("UPDATE jobs SET message_id = #{messageId} WHERE id = #{id}")
    void posted(@Param("id") UUID id, @Param("messageId") UUID messageId);

    @Update("UPDATE jobs SET status = #{status}, reply_id = #{replyId}, reply_text = #{replyText},"
            + " reply_created_at = #{replyCreatedAt}, processing_time_ms = #{processingTimeMs}, error = #{error}"
            + " WHERE id = #{id} AND status = 'processing'")
    int finish(@Param("id") UUID id, @Param("status") String status, @Param("replyId") UUID replyId,
               @Param("replyText") String replyText, @Param("replyCreatedAt") Long replyCreatedAt,
               @Param("processingTimeMs") Long processingTimeMs, @Param("error") String error);

    @Select("SELECT " + COLUMNS + " FROM jobs WHERE id = #{id}")
    Job find(@Param("id") UUID id);

    @Select("<script>SELECT " + COLUMNS + " FROM jobs<if test='status != null'> WHERE status = #{status}</if>"
            + " ORDER BY created_at DESC, id DESC LIMIT #{limit}</script>")
    List<Job> newest(@Param("status") String status, @Param("limit") int limit);

    /** The processing jobs of no node, of this node, or of nodes not in {@code others} (the other live nodes). */
    @Select("<script>SELECT " + COLUMNS + " FROM jobs WHERE status = 'processing'"
            + "<if test='!others.isEmpty()'> AND (node_id IS NULL OR node_id NOT IN"
            + "<foreach item='node' collection='others' open='(' separator=',' close=')'>#{node}</foreach>)</if>"
            + " ORDER BY created_at, id</script>")
    List<Job> processing(@Param("others") Collection<String> others);

    @Select("SELECT count(*) FROM jobs")
    long count();

    @Select("SELECT status, count(*) AS n FROM jobs GROUP BY status")
    List<Map<String, Object>> countByStatus();

    @Select("SELECT coalesce(avg(processing_time_ms), 0) FROM jobs WHERE status = 'completed'")
    double averageProcessingTimeMs();

    @Delete("DELETE FROM jobs WHERE " + ENDED + " AND expires_at < #{before}")
    int purge(@Param("before") long before);

    @Delete("DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE " + ENDED
            + " ORDER BY created_at, id LIMIT #{count})")
    int evictOldestEnded(@Param("count") int count);
}
