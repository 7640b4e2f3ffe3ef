package dev.eliza.http.testing;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.ErrorEnvelope;
import dev.eliza.http.api.ErrorStyle;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Resources that fail in each way the platform must render. */
final class EnvelopeResources {
    private EnvelopeResources() {
    }

    record Pair(String name, int count) {
    }

    @Path("/api/standard")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Standard {
        @GET
        @Path("record")
        public Pair record() {
            return new Pair("a", 2);
        }

        @GET
        @Path("refuse")
        public Object refuse() {
            throw new ApiException(400, "INVALID_ID", "Invalid agent ID format", "see docs");
        }

        @GET
        @Path("boom")
        public Object boom() {
            throw new IllegalStateException("database exploded at line 42");
        }

        @POST
        @Path("echo")
        @Consumes(MediaType.APPLICATION_JSON)
        public Map<String, Object> echo(JsonNode body) {
            return Map.of("wasNull", body == null);
        }
    }

    @Path("/api/plain")
    @ErrorEnvelope(ErrorStyle.PLAIN_MESSAGE)
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Plain {
        @GET
        public Object refuse() {
            throw ApiException.badRequest("MISSING", "channelId is required");
        }
    }

    @Path("/api/sessions")
    @ErrorEnvelope(ErrorStyle.SESSIONS)
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Sessions {
        @GET
        public Object refuse() {
            throw new ApiException(410, "SESSION_EXPIRED", "Session has expired");
        }
    }
}
