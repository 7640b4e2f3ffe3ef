package dev.eliza.messaging.impl;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * SQL for {@code deliveries}. Every state change is one conditional statement, so two takers never both win.
 * {@code claimed_by} names the node that owns a delivery: the one that received the message, then the one handling
 * it. A node takes only its own deliveries, unowned ones, and those of nodes no longer live (it died or stopped).
 * Its own processing ones are among them: the runtime skips those it is handling, and takes back those it lost
 * track of (their handling ended without a final state, as when the database was out of reach meanwhile).
 */
interface DeliveryMapper {
    String COLUMNS = "message_id, agent_id, state, reason, depth, attempts, claimed_by, updated_at";

    /** Which open deliveries {@code self} may take, given the {@code live} nodes (self among them). */
    String TAKEABLE = "((state = 'received' AND (claimed_by IS NULL OR claimed_by = #{self} OR claimed_by NOT IN"
            + " <foreach item='node' collection='live' open='(' separator=',' close=')'>#{node}</foreach>))"
            + " OR (state = 'processing' AND (claimed_by IS NULL OR claimed_by = #{self} OR claimed_by NOT IN"
            + " <foreach item='node' collection='live' open='(' separator=',' close=')'>#{node}</foreach>)))";

    @Insert("INSERT INTO deliveries (message_id, agent_id, state, reason, depth, attempts, claimed_by, updated_at)"
            + " VALUES (#{messageId}, #{agentId}, #{state}, #{reason}, #{depth}, 0, #{owner}, #{now})")
    int insert(@Param("messageId") UUID messageId, @Param("agentId") UUID agentId, @Param("state") String state,
               @Param("reason") String reason, @Param("depth") int depth, @Param("owner") String owner,
               @Param("now") Instant now);

    @Select("SELECT " + COLUMNS + " FROM deliveries WHERE message_id = #{messageId} ORDER BY agent_id")
    List<DeliveryRow> ofMessage(@Param("messageId") UUID messageId);

    @Select("SELECT " + COLUMNS + " FROM deliveries WHERE message_id = #{messageId} AND agent_id = #{agentId}")
    DeliveryRow find(@Param("messageId") UUID messageId, @Param("agentId") UUID agentId);

    /**
     * What {@code self} may take, oldest first: its own received and processing ones, and the received or
     * processing ones of nodes that are gone (a crash, a stop) or of none.
     */
    @Select("<script>SELECT " + COLUMNS + " FROM deliveries WHERE " + TAKEABLE
            + " ORDER BY updated_at, message_id, agent_id LIMIT #{limit}</script>")
    List<DeliveryRow> pending(@Param("self") String self, @Param("live") Collection<String> live,
                              @Param("limit") int limit);

    @Update("<script>UPDATE deliveries SET state = 'processing', claimed_by = #{self}, attempts = attempts + 1,"
            + " updated_at = #{now} WHERE message_id = #{messageId} AND agent_id = #{agentId} AND " + TAKEABLE
            + "</script>")
    int claim(@Param("messageId") UUID messageId, @Param("agentId") UUID agentId, @Param("self") String self,
              @Param("live") Collection<String> live, @Param("now") Instant now);

    @Update("UPDATE deliveries SET state = 'received', claimed_by = NULL, updated_at = #{now}"
            + " WHERE message_id = #{messageId} AND agent_id = #{agentId} AND state = 'processing'")
    int release(@Param("messageId") UUID messageId, @Param("agentId") UUID agentId, @Param("now") Instant now);

    /** Ends a delivery that is not over yet; a final state is never overwritten. */
    @Update("UPDATE deliveries SET state = #{state}, reason = #{reason}, claimed_by = NULL, updated_at = #{now}"
            + " WHERE message_id = #{messageId} AND agent_id = #{agentId}"
            + " AND state IN ('received', 'processing')")
    int finish(@Param("messageId") UUID messageId, @Param("agentId") UUID agentId, @Param("state") String state,
               @Param("reason") String reason, @Param("now") Instant now);
}
