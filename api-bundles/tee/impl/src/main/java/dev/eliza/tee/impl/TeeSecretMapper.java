package dev.eliza.tee.impl;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL over {@code tee_secret}, the one row of the cluster's secret fingerprint. */
public interface TeeSecretMapper {
    @Insert("INSERT INTO tee_secret (id, fingerprint) VALUES (1, #{fingerprint}) ON CONFLICT (id) DO NOTHING")
    int record(@Param("fingerprint") String fingerprint);

    @Select("SELECT fingerprint FROM tee_secret WHERE id = 1")
    String recorded();
}
