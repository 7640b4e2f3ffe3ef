package dev.eliza.apidocs;

import java.util.List;
import java.util.UUID;

import dev.eliza.http.api.ApiSuccess;
import dev.eliza.http.api.DomainContribution;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Resources shaped like the platform's: full paths, envelopes, path parameters; and a plugin's relative one. */
final class SampleResources {
    private SampleResources() {
    }

    record Thing(UUID id, String name) {
    }

    @Path("/api/things")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Things {
        @GET
        public ApiSuccess<List<Thing>> list(@QueryParam("limit") Integer limit) {
            return ApiSuccess.of(List.of());
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Response create(Thing thing) {
            return Response.status(201).build();
        }

        @GET
        @Path("/{id}")
        public ApiSuccess<Thing> get(@PathParam("id") String id) {
            return ApiSuccess.of(new Thing(UUID.fromString(id), "x"));
        }

        @DELETE
        @Path("/{id}")
        public Response delete(@PathParam("id") String id) {
            return Response.noContent().build();
        }
    }

    @Path("/api/rooms/{roomId}/members")
    public static final class Members {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public ApiSuccess<List<String>> list(@PathParam("roomId") String roomId) {
            return ApiSuccess.of(List.of());
        }
    }

    @Path("/greeting")
    public static final class Greeting {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String hello() {
            return "hello";
        }
    }

    /** Not a resource: a provider, which the document must skip. */
    public static final class SomeProvider {
    }

    static DomainContribution things() {
        return DomainContribution.of("things", List.of("/api/things"), new Things(), new SomeProvider());
    }

    static DomainContribution rooms() {
        return DomainContribution.of("rooms", List.of("/api/rooms"), new Members());
    }

    static DomainContribution plugin() {
        return new DomainContribution() {
            @Override
            public String domain() {
                return "plugin-hello";
            }

            @Override
            public List<String> pathPrefixes() {
                return List.of("/api/plugins/hello");
            }

            @Override
            public java.util.Set<Object> resources() {
                return java.util.Set.of(new Greeting());
            }

            @Override
            public String basePath() {
                return "/api/plugins/hello";
            }
        };
    }
}
