package dev.eliza.agents.impl;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;

/** SQL for the {@code agent_launch_markers} table. */
interface LaunchMarkerMapper {

    /** 1 for the one caller (of every node sharing the database) that sets the marker first, 0 for the others. */
    @Insert("INSERT INTO agent_launch_markers (name) VALUES (#{name}) ON CONFLICT (name) DO NOTHING")
    int claim(@Param("name") String name);
}
