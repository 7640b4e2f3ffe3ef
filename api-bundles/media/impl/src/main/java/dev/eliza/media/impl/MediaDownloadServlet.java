package dev.eliza.media.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.jetty.ee10.servlet.ServletChannel;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContent;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.media.api.MediaScope;
import dev.eliza.media.api.StoredMedia;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /media/uploads/<agents|channels>/<ownerId>/<filename>}: a stored upload, served by Jetty's own
 * {@link ResourceService} (ranges, {@code ETag}, conditional requests, {@code HEAD}) with the type it was stored
 * with, {@code nosniff}, and {@code Content-Disposition: attachment} for everything but images. The path is
 * matched against exact shapes (scope, UUID, server-generated name) and the file must be known to the database, so
 * no request can name a file outside the uploads. A node serves the upload from its own copy, made from the database
 * on the first download of an upload another node took. Errors use the body 1.7.2's downloads have,
 * {@code {"error":"..."}}.
 */
final class MediaDownloadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MediaDownloadServlet.class);
    /** Bytes read from the file per write: the content's default (4 KiB) makes a 5 MiB download 1,280 writes. */
    private static final int CHUNK = 128 * 1024;

    private final transient StoredMediaLibrary library;
    private final transient ResourceService resources = new ResourceService();

    MediaDownloadServlet(StoredMediaLibrary library) {
        this.library = library;
        resources.setAcceptRanges(true);
        resources.setEtags(true);
        resources.setDirAllowed(false);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = Optional.ofNullable(request.getPathInfo()).orElse("").split("/", -1);
        Optional<MediaScope> scope = parts.length == 4 && parts[0].isEmpty() ? MediaScope.ofSegment(parts[1])
                : Optional.empty();
        if (scope.isEmpty()) {
            error(response, 404, "File not found");
            return;
        }
        Optional<UUID> owner = Ids.parse(parts[2]);
        if (owner.isEmpty()) {
            error(response, 400, "Invalid " + (scope.get() == MediaScope.AGENT ? "agent" : "channel")
                    + " ID format");
            return;
        }
        Optional<StoredMedia> media = library.find(scope.get(), owner.get(), parts[3]);
        if (media.isEmpty()) {
            library.forgetCopy(scope.get(), owner.get(), parts[3]);
        }
        Optional<Path> file;
        try {
            file = media.isEmpty() ? Optional.empty() : library.localCopy(media.get());
        } catch (StoredMediaLibrary.BytesPending pending) {
            response.setHeader("Retry-After", "1");
            error(response, 503, "The file is still being stored; retry shortly");
            return;
        }
        if (file.isEmpty()) {
            error(response, 404, "File not found");
            return;
        }
        serve(request, response, media.get(), file.get());
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, StoredMedia media, Path file) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition", (MediaTypes.inline(media.contentType()) ? "inline" : "attachment")
                + "; filename=\"" + media.filename() + "\"");
        ServletChannel channel = ServletContextRequest.getServletContextRequest(request).getServletChannel();
        HttpContent content = new ResourceHttpContent(ResourceFactory.root().newResource(file), media.contentType(),
                new ByteBufferPool.Sized(channel.getRequest().getComponents().getByteBufferPool(), true, CHUNK));
        AsyncContext async = request.startAsync();
        resources.doGet(channel.getRequest(), channel.getResponse(), Callback.from(async::complete, failure -> {
            LOG.debug("Download of {} ended early", media.url(), failure);
            async.complete();
        }), content);
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("utf-8");
        response.getOutputStream().write(("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
