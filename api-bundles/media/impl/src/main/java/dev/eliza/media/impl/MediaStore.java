package dev.eliza.media.impl;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import dev.eliza.media.api.MediaScope;
import dev.eliza.media.api.StoredMedia;

/** Upload metadata in PostgreSQL. */
final class MediaStore {
    private final SqlSessionFactory sessions;

    MediaStore(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    void insert(StoredMedia media) {
        run(m -> {
            m.insert(MediaRow.of(media));
            return null;
        });
    }

    Optional<StoredMedia> find(UUID id) {
        return Optional.ofNullable(run(m -> m.find(id))).map(MediaRow::toMedia);
    }

    Optional<StoredMedia> find(MediaScope scope, UUID owner, String filename) {
        return Optional.ofNullable(run(m -> m.findByName(scope.segment(), owner, filename))).map(MediaRow::toMedia);
    }

    boolean delete(UUID id) {
        return run(m -> m.delete(id) > 0);
    }

    private <T> T run(Function<MediaMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(MediaMapper.class));
        }
    }
}
