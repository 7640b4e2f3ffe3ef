package dev.eliza.media.impl;

import dev.eliza.http.api.ApiSuccess;
import dev.eliza.media.api.MediaScope;
import dev.eliza.messaging.api.MessageService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/media/channels/:channelId/upload-media}: a file shared in a channel (media's error envelope). */
@Path("/api/media/channels")
@Produces(MediaType.APPLICATION_JSON)
public final class ChannelMediaResource {
    private final MediaUploads uploads;
    private final MessageService messaging;

    ChannelMediaResource(MediaUploads uploads, MessageService messaging) {
        this.uploads = uploads;
        this.messaging = messaging;
    }

    @POST
    @Path("{channelId}/upload-media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ApiSuccess<UploadView> upload(@PathParam("channelId") String channelId,
                                         @Context HttpServletRequest request) {
        return ApiSuccess.of(UploadView.channel(uploads.upload(MediaScope.CHANNEL, channelId,
                id -> messaging.channel(id).isPresent(), request)));
    }
}
