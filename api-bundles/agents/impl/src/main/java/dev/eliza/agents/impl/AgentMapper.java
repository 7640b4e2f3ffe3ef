package dev.eliza.agents.impl;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for the {@code agents} table. */
interface AgentMapper {
    String COLUMNS = "id, name, enabled, character::text AS character_json, created_at, updated_at";

    @Select("SELECT " + COLUMNS + " FROM agents ORDER BY created_at, id")
    List<AgentRow> findAll();

    @Select("SELECT " + COLUMNS + " FROM agents WHERE id = #{id}")
    AgentRow findById(@Param("id") UUID id);

    /** The row, locked until the transaction ends, so that a read-merge-write cannot lose a concurrent change. */
    @Select("SELECT " + COLUMNS + " FROM agents WHERE id = #{id} FOR UPDATE")
    AgentRow lockById(@Param("id") UUID id);

    @Select("SELECT count(*) FROM agents")
    long count();

    @Insert("INSERT INTO agents (id, name, enabled, character, created_at, updated_at)"
            + " VALUES (#{id}, #{name}, true, #{character}::jsonb, #{now}, #{now})"
            + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, character = EXCLUDED.character,"
            + " updated_at = EXCLUDED.updated_at")
    int upsert(@Param("id") UUID id, @Param("name") String name, @Param("character") String character,
               @Param("now") Instant now);

    @Update("UPDATE agents SET name = #{name}, enabled = #{enabled}, character = #{character}::jsonb,"
            + " updated_at = #{now} WHERE id = #{id}")
    int update(@Param("id") UUID id, @Param("name") String name, @Param("enabled") boolean enabled,
               @Param("character") String character, @Param("now") Instant now);

    @Update("UPDATE agents SET desired_active = #{active} WHERE id = #{id}")
    int markActive(@Param("id") UUID id, @Param("active") boolean active);

    @Select("SELECT desired_active FROM agents WHERE id = #{id}")
    Boolean findDesiredActive(@Param("id") UUID id);

    @Select("SELECT id FROM agents WHERE desired_active ORDER BY created_at, id")
    List<UUID> findActiveIds();

    @Delete("DELETE FROM agents WHERE id = #{id}")
    int delete(@Param("id") UUID id);
}
