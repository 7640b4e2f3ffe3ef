package dev.eliza.messaging.impl;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for {@code deliveries}. Every state change is one conditional statement, so two takers never both win. */
interface DeliveryMapper {
    String COLUMNS = "message_id, agent_id, state, reason, depth, attempts, claimed_by, updated_at";

    @Insert("INSERT INTO deliveries (message_id, agent_id, state, reason, depth, attempts, updated_at)"
            + " VALUES (#{messageId}, #{agentId}, #{state}, #{reason}, #{depth}, 0, #{now})")
    int insert(@Param("messageId") UUID messageId, @Param("agentId") UUID agentId, @Param("state") String state,
               @Param("reason") String reason, @Param("depth") int depth, @Param("now") Instant now);

    @Select("SELECT " + COLUMNS + " FROM deliveries WHERE message_id = #{messageId} ORDER BY agent_id")
    List<DeliveryRow> ofMessage(@Param("messageId") UUID messageId);

    @Select("SELECT " + COLUMNS + " FROM deliveries WHERE message_id = #{messageId} AND agent_id = #{agentId}")
    DeliveryRow find(@Param("messageId") UUID messageId, @Param("agentId") UUID agentId);

    /** Received ones, and processing ones another process claimed (it crashed or was replaced), oldest first. */
    @Select("SELECT " + COLUMNS + " FROM deliveries WHERE state = 'received'"
            + " OR (state = 'processing' AND claimed_by IS DISTINCT FROM #{self})"
            + " ORDER BY updated_at, message_id, agent_id LIMIT #{limit}")
    List<DeliveryRow> pending(@Param("self") String self, @Param("limit") int limit);

    @Update("UPDATE deliveries SET state = 'processing', claimed_by = #{self}, attempts = attempts + 1,"
            + " updated_at = #{now} WHERE message_id = #{messageId} AND agent_id = #{agentId}"
            + " AND (state = 'received' OR (state = 'processing' AND claimed_by IS DISTINCT FROM #{self}))")
    int claim(@Param("messageId") UUID messageId, @Param("agentId") UUID agentId, @Param("self") String self,
              @Param("now") Instant now);

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
