package dev.eliza.messaging.impl;

import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import dev.eliza.persistence.api.SqlStates;

/**
 * Runs work in one transaction (committed when it returns, rolled back when it throws) or in one autocommit
 * session. A row referring to a server, channel or message that another request deleted meanwhile (the foreign key
 * finds it gone) is answered 404 for that parent, as had the request come just after the deletion.
 */
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
        } catch (RuntimeException e) {
            throw parentGone(e);
        }
    }

    <M, T> T read(Class<M> mapper, Function<M, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(mapper));
        } catch (RuntimeException e) {
            throw parentGone(e);
        }
    }

    /** The constraints are the schema's own names: {@code <table>_<column>_fkey}. */
    private static RuntimeException parentGone(RuntimeException failure) {
        if (!SqlStates.is(failure, SqlStates.FOREIGN_KEY_VIOLATION)) {
            return failure;
        }
        String constraint = SqlStates.constraint(failure).orElse("");
        if (constraint.endsWith("_server_id_fkey")) {
            return Errors.notFound("Message server not found");
        }
        if (constraint.endsWith("_channel_id_fkey")) {
            return Errors.notFound("Channel not found");
        }
        if (constraint.endsWith("_message_id_fkey")) {
            return Errors.notFound("Message not found");
        }
        return failure;
    }
}
