package dev.eliza.media.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import dev.eliza.media.api.MediaScope;
import dev.eliza.media.api.StoredMedia;

/**
 * The uploads in PostgreSQL: a row per file and its bytes in chunks, so any node can serve any upload. The bytes
 * and the mark that they are all there are written in one transaction: a reader sees all of them or none.
 */
final class MediaStore {
    /** Bytes per chunk: what a read or a write of the bytes holds in memory at a time. */
    static final int CHUNK = 1024 * 1024;

    private final SqlSessionFactory sessions;

    MediaStore(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Records the media, its bytes not stored yet. */
    void insert(StoredMedia media) {
        run(m -> {
            m.insert(MediaRow.of(media));
            return null;
        });
    }

    /**
     * Stores the bytes of {@code content}, which must be exactly {@code media.size()} of them, and marks them
     * stored, in one transaction; nothing when the media's record went meanwhile or its bytes are stored already.
     *
     * @return whether this call stored them
     */
    boolean storeBytes(StoredMedia media, Path content) throws IOException {
        try (SqlSession session = sessions.openSession(false); InputStream in = Files.newInputStream(content)) {
            MediaMapper mapper = session.getMapper(MediaMapper.class);
            if (mapper.markStored(media.id()) == 0) {
                return false;
            }
            long written = 0;
            int seq = 0;
            for (byte[] chunk = in.readNBytes(CHUNK); chunk.length > 0; chunk = in.readNBytes(CHUNK)) {
                mapper.insertChunk(media.id(), seq++, chunk);
                written += chunk.length;
            }
            if (written != media.size()) {
                throw new IOException("The copy of " + media.url() + " has " + written + " bytes, not "
                        + media.size());
            }
            session.commit();
            return true;
        }
    }

    /** The media whose bytes are not in the database yet. */
    List<StoredMedia> withoutBytes() {
        return run(MediaMapper::withoutBytes).stream().map(MediaRow::toMedia).toList();
    }

    /** Whether all of the media's bytes are in the database; empty when its record is gone. */
    Optional<Boolean> bytesStored(UUID id) {
        return Optional.ofNullable(run(m -> m.bytesStored(id)));
    }

    /**
     * Writes the media's stored bytes to {@code out}, a chunk at a time.
     *
     * @return the number of bytes written: less than the media's size when its record went meanwhile
     */
    long copy(StoredMedia media, OutputStream out) throws IOException {
        long written = 0;
        for (int seq = 0; ; seq++) {
            int next = seq;
            MediaChunk chunk = run(m -> m.chunk(media.id(), next));
            if (chunk == null) {
                return written;
            }
            out.write(chunk.bytes());
            written += chunk.bytes().length;
        }
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
