package dev.eliza.sessions.impl;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL over {@code sessions}. */
public interface SessionMapper {
    String COLUMNS = "session_id, channel_id, agent_id, user_id, metadata::text AS metadata_json, created_at,"
            + " last_activity, expires_at, timeout_minutes, auto_renew, max_duration_minutes,"
            + " warning_threshold_minutes, renewal_count, warned";

    @Insert("INSERT INTO sessions (session_id, channel_id, agent_id, user_id, metadata, created_at, last_activity,"
            + " expires_at, timeout_minutes, auto_renew, max_duration_minutes, warning_threshold_minutes,"
            + " renewal_count, warned) VALUES (#{r.sessionId}, #{r.channelId}, #{r.agentId}, #{r.userId},"
            + " #{r.metadataJson}::jsonb, #{r.createdAt}, #{r.lastActivity}, #{r.expiresAt}, #{r.timeoutMinutes},"
            + " #{r.autoRenew}, #{r.maxDurationMinutes}, #{r.warningThresholdMinutes}, #{r.renewalCount},"
            + " #{r.warned})")
    void insert(@Param("r") SessionRow row);

    @Select("SELECT " + COLUMNS + " FROM sessions WHERE session_id = #{id}")
    SessionRow find(@Param("id") UUID id);

    @Select("SELECT " + COLUMNS + " FROM sessions ORDER BY created_at DESC, session_id")
    List<SessionRow> all();

    /** Stores a renewal or a configuration change, unless the session was deleted meanwhile. */
    @Update("UPDATE sessions SET last_activity = #{r.lastActivity}, expires_at = #{r.expiresAt},"
            + " timeout_minutes = #{r.timeoutMinutes}, auto_renew = #{r.autoRenew},"
            + " max_duration_minutes = #{r.maxDurationMinutes},"
            + " warning_threshold_minutes = #{r.warningThresholdMinutes}, renewal_count = #{r.renewalCount},"
            + " warned = #{r.warned} WHERE session_id = #{r.sessionId}")
    int update(@Param("r") SessionRow row);

    @Delete("DELETE FROM sessions WHERE session_id = #{id}")
    int delete(@Param("id") UUID id);

    /** Whether this transaction won the sweep: one node at a time sweeps, the others skip this round. */
    @Select("SELECT pg_try_advisory_xact_lock(#{key})")
    boolean trySweepLock(@Param("key") long key);

    @Select("DELETE FROM sessions WHERE expires_at <= #{now} RETURNING session_id, channel_id, expires_at")
    List<SweptRow> deleteExpired(@Param("now") Instant now);

    @Select("UPDATE sessions SET warned = true WHERE NOT warned AND expires_at > #{now}"
            + " AND expires_at <= #{now}::timestamptz + warning_threshold_minutes * interval '1 minute'"
            + " RETURNING session_id, channel_id, expires_at")
    List<SweptRow> markWarned(@Param("now") Instant now);
}
