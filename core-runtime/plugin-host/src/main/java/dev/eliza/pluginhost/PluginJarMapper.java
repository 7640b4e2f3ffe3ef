package dev.eliza.pluginhost;

import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for the {@code plugin_jars} table. */
interface PluginJarMapper {
    @Insert("INSERT INTO plugin_jars (id, jar, sha256) VALUES (#{id}, #{jar}, #{sha256}) ON CONFLICT (id) DO NOTHING")
    int insert(@Param("id") String id, @Param("jar") byte[] jar, @Param("sha256") String sha256);

    @Select("SELECT id, sha256, enabled, generation FROM plugin_jars")
    List<PluginCatalog.Entry> entries();

    @Select("SELECT jar FROM plugin_jars WHERE id = #{id} AND sha256 = #{sha256}")
    List<byte[]> jar(@Param("id") String id, @Param("sha256") String sha256);

    @Select("UPDATE plugin_jars SET generation = generation + 1, updated_at = now() WHERE id = #{id}"
            + " RETURNING generation")
    Long reloaded(@Param("id") String id);

    @Update("UPDATE plugin_jars SET enabled = #{enabled}, updated_at = now() WHERE id = #{id}")
    int enabled(@Param("id") String id, @Param("enabled") boolean enabled);

    @Delete("DELETE FROM plugin_jars WHERE id = #{id}")
    int delete(@Param("id") String id);
}
