package dev.eliza.media.impl;

import java.util.UUID;

import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.ApiSuccess;
import dev.eliza.media.api.MediaLibrary;
import dev.eliza.media.api.StoredMedia;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The documents' {@code GET /api/media/files/:id} (the file's metadata and download URL) and its DELETE (204). */
@Path("/api/media/files")
@Produces(MediaType.APPLICATION_JSON)
public final class MediaFilesResource {
    private final MediaLibrary library;

    MediaFilesResource(MediaLibrary library) {
        this.library = library;
    }

    /** One file's metadata; {@code createdAt} in epoch milliseconds like the other media timestamps of 1.x. */
    public record FileView(UUID id, String url, String scope, UUID ownerId, String filename, String originalName,
                           String contentType, long size, long createdAt) {
        static FileView of(StoredMedia m) {
            return new FileView(m.id(), m.url(), m.scope().segment(), m.ownerId(), m.filename(), m.originalName(),
                    m.contentType(), m.size(), m.createdAt().toEpochMilli());
        }
    }

    @GET
    @Path("{id}")
    public ApiSuccess<FileView> get(@PathParam("id") String id) {
        return ApiSuccess.of(FileView.of(library.find(parse(id)).orElseThrow(MediaFilesResource::missing)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!library.delete(parse(id))) {
            throw missing();
        }
        return Response.noContent().build();
    }

    private static UUID parse(String id) {
        return Ids.parse(id).orElseThrow(() -> ApiException.badRequest("INVALID_ID", "Invalid file ID format"));
    }

    private static ApiException missing() {
        return ApiException.notFound("NOT_FOUND", "File not found");
    }
}
