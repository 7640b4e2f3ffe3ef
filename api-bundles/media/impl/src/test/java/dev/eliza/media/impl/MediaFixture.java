package dev.eliza.media.impl;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

import dev.eliza.http.api.DomainContribution;
import dev.eliza.http.impl.SliceContexts;
import dev.eliza.persistence.impl.SharedTestDatabase;
import jakarta.servlet.Servlet;

/**
 * The media routes over a real PostgreSQL (table emptied per fixture) and a temporary media folder, mounted in one
 * servlet context exactly as the platform mounts the contribution (Jersey resources and the download servlet).
 */
final class MediaFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-23T16:49:42.264Z");

    final KnownOwners owners = new KnownOwners();
    final MediaFiles files;
    final StoredMediaLibrary library;
    private final Server server = new Server();
    private final LocalConnector connector = new LocalConnector(server);

    MediaFixture(Path folder, long maxBytes) throws Exception {
        this(freshStore(), folder, maxBytes, Runnable::run, () -> true);
    }

    /**
     * As {@link #MediaFixture(Path, long)}, the bytes of uploads stored in the database when {@code writer} runs
     * them (at once, in the other constructor).
     */
    MediaFixture(Path folder, long maxBytes, Executor writer) throws Exception {
        this(freshStore(), folder, maxBytes, writer, () -> true);
    }

    /** A node with no other on its database: it keeps the bytes of its uploads to itself. */
    static MediaFixture alone(Path folder, long maxBytes) throws Exception {
        return new MediaFixture(freshStore(), folder, maxBytes, Runnable::run, () -> false);
    }

    /** Another node on the same database: its own media folder, the uploads the first fixture left as they are. */
    static MediaFixture otherNode(Path folder, long maxBytes) throws Exception {
        return new MediaFixture(store(), folder, maxBytes, Runnable::run, () -> true);
    }

    private MediaFixture(MediaStore store, Path folder, long maxBytes, Executor writer, BooleanSupplier shared)
            throws Exception {
        files = new MediaFiles(folder);
        library = new StoredMediaLibrary(store, files);
        MediaUploads uploads = new MediaUploads(store, files, new MediaBytesWriter(store, writer, shared),
                Clock.fixed(NOW, ZoneOffset.UTC), maxBytes);
        Set<Object> resources = MediaContribution.resources(uploads, library, owners, owners);
        Map<String, Servlet> servlets = MediaContribution.servlets(library);
        server.addConnector(connector);
        server.setHandler(SliceContexts.context(new DomainContribution() {
            @Override
            public String domain() {
                return "media";
            }

            @Override
            public List<String> pathPrefixes() {
                return List.of("/api/media", MediaContribution.ALIAS_PREFIX, "/media/uploads");
            }

            @Override
            public Set<Object> resources() {
                return resources;
            }

            @Override
            public Map<String, Servlet> servlets() {
                return servlets;
            }
        }));
        server.start();
    }

    static MediaStore freshStore() throws Exception {
        SharedTestDatabase database = SharedTestDatabase.get();
        database.migrate("media", SharedTestDatabase.migrations(MediaFixture.class.getClassLoader(), "db/media",
                "create media files", "create media chunks"));
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE media_files CASCADE");
        }
        return store();
    }

    private static MediaStore store() {
        return new MediaStore(SharedTestDatabase.get().sessionFactory(MediaFixture.class.getClassLoader(),
                MediaMapper.class));
    }

    HttpTester.Response upload(String path, Multipart form) throws Exception {
        return send("POST", path, Map.of("Content-Type", Multipart.CONTENT_TYPE), form.bytes());
    }

    HttpTester.Response get(String path, Map<String, String> headers) throws Exception {
        return send("GET", path, headers, null);
    }

    /** Sends a raw request ({@code Host: slice} unless given); the path goes on the wire exactly as written. */
    HttpTester.Response send(String method, String path, Map<String, String> headers, byte[] body) throws Exception {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        if (!headers.containsKey("Host")) {
            head.append("Host: slice\r\n");
        }
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\nConnection: close\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer request = ByteBuffer.allocate(start.length + (body == null ? 0 : body.length));
        request.put(start);
        if (body != null) {
            request.put(body);
        }
        request.flip();
        return HttpTester.parseResponse(connector.getResponse(request, 30, java.util.concurrent.TimeUnit.SECONDS));
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
