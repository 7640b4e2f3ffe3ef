package dev.eliza.persistence.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** Ids through a session factory of {@link SessionFactories}, against the shared test PostgreSQL. */
class UuidTypeHandlerTest {
    /** The statements under test. */
    public interface Ids {
        @Select("<script>SELECT string_agg(id::text, ',' ORDER BY n) FROM (VALUES "
                + "<foreach item='i' index='n' collection='ids' separator=','>(#{n}, #{i})</foreach>) v(n, id)"
                + "</script>")
        String joined(@Param("ids") List<UUID> ids);

        @Select("SELECT #{id}::text")
        UUID fromText(@Param("id") UUID id);

        @Select("SELECT #{id}::uuid")
        UUID fromUuid(@Param("id") UUID id);

        @Select("SELECT NULL::uuid")
        UUID none();
    }

    @Test
    void idsBindInsideAForeachWithoutAHandlerNamedAndReadBackFromUuidOrTextColumns() {
        SqlSessionFactory factory = SessionFactories.create(SharedTestDatabase.get().dataSource(),
                UuidTypeHandlerTest.class.getClassLoader(), Ids.class);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        try (SqlSession session = factory.openSession(true)) {
            Ids ids = session.getMapper(Ids.class);
            assertThat(ids.joined(List.of(a, b))).isEqualTo(a + "," + b);
            assertThat(ids.fromText(a)).isEqualTo(a);
            assertThat(ids.fromUuid(b)).isEqualTo(b);
            assertThat(ids.none()).isNull();
        }
    }
}
