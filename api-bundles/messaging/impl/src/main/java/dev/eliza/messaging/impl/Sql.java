package dev.eliza.messaging.impl;

import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Runs work in one transaction: committed when it returns, rolled back when it throws. */
final class Sql {
    private final SqlSessionFactory sessions;

    Sql(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    <T> T tx(Function<SqlSession, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session);
            session.commit();
            return result;
        }
    }

    <M, T> T read(Class<M> mapper, Function<M, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(mapper));
        }
    }
}
