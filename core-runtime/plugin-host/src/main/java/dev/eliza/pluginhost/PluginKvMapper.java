package dev.eliza.pluginhost;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for the {@code plugin_kv} table. */
interface PluginKvMapper {
    @Select("SELECT value FROM plugin_kv WHERE plugin_id = #{plugin} AND key = #{key}")
    String get(@Param("plugin") String plugin, @Param("key") String key);

    @Insert("INSERT INTO plugin_kv (plugin_id, key, value) VALUES (#{plugin}, #{key}, #{value})"
            + " ON CONFLICT (plugin_id, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()")
    int put(@Param("plugin") String plugin, @Param("key") String key, @Param("value") String value);

    @Delete("DELETE FROM plugin_kv WHERE plugin_id = #{plugin} AND key = #{key}")
    int remove(@Param("plugin") String plugin, @Param("key") String key);

    @Select("INSERT INTO plugin_kv (plugin_id, key, value) VALUES (#{plugin}, #{key}, #{delta}::text)"
            + " ON CONFLICT (plugin_id, key) DO UPDATE SET value = (plugin_kv.value::bigint + #{delta})::text,"
            + " updated_at = now() RETURNING value::bigint")
    long increment(@Param("plugin") String plugin, @Param("key") String key, @Param("delta") long delta);
}
