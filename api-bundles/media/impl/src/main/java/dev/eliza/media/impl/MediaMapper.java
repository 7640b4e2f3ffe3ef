package dev.eliza.media.impl;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL over {@code media_files} and their bytes, {@code media_chunks}. */
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

    @Insert("INSERT INTO media_chunks (media_id, seq, bytes) VALUES (#{id}, #{seq}, #{bytes})")
    void insertChunk(@Param("id") UUID id, @Param("seq") int seq, @Param("bytes") byte[] bytes);

    @Select("SELECT seq, bytes FROM media_chunks WHERE media_id = #{id} AND seq = #{seq}")
    MediaChunk chunk(@Param("id") UUID id, @Param("seq") int seq);

    /** Files whose bytes are not (all) in the database yet, oldest first. */
    @Select("SELECT " + COLUMNS + " FROM media_files WHERE NOT bytes_stored ORDER BY created_at")
    List<MediaRow> withoutBytes();

    @Select("SELECT bytes_stored FROM media_files WHERE id = #{id}")
    Boolean bytesStored(@Param("id") UUID id);

    @Update("UPDATE media_files SET bytes_stored = true WHERE id = #{id} AND NOT bytes_stored")
    int markStored(@Param("id") UUID id);

    @Delete("DELETE FROM media_files WHERE id = #{id}")
    int delete(@Param("id") UUID id);
}
