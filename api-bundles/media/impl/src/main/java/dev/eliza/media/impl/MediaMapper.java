package dev.eliza.media.impl;

import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL over {@code media_files}. */
public interface MediaMapper {
    String COLUMNS = "id, scope, owner_id, filename, original_name, content_type, size, created_at";

    @Insert("INSERT INTO media_files (" + COLUMNS + ") VALUES (#{r.id}, #{r.scope}, #{r.ownerId}, #{r.filename},"
            + " #{r.originalName}, #{r.contentType}, #{r.size}, #{r.createdAt})")
    void insert(@Param("r") MediaRow row);

    @Select("SELECT " + COLUMNS + " FROM media_files WHERE id = #{id}")
    MediaRow find(@Param("id") UUID id);

    @Select("SELECT " + COLUMNS + " FROM media_files WHERE scope = #{scope} AND owner_id = #{owner}"
            + " AND filename = #{filename}")
    MediaRow findByName(@Param("scope") String scope, @Param("owner") UUID owner, @Param("filename") String filename);

    @Delete("DELETE FROM media_files WHERE id = #{id}")
    int delete(@Param("id") UUID id);
}
