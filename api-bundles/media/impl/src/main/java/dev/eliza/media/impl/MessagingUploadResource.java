package dev.eliza.media.impl;

import dev.eliza.http.api.ApiSuccess;
import dev.eliza.http.api.ErrorEnvelope;
import dev.eliza.http.api.ErrorStyle;
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

/**
 * {@code POST /api/messaging/channels/:channelId/upload-media}, the alias the api-client's
 * {@code uploadChannelMedia} calls: the same upload, with the messaging family's plain-string errors.
 */
@Path("/api/messaging/channels")
@Produces(MediaType.APPLICATION_JSON)
@ErrorEnvelope(ErrorStyle.PLAIN_MESSAGE)
public final class MessagingUploadResource {
    private final MediaUploads uploads;
    private final MessageService messaging;

    MessagingUploadResource(MediaUploads uploads, MessageService messaging) {
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
