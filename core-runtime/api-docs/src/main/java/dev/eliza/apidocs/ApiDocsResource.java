package dev.eliza.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import dev.eliza.http.api.ApiException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The API's own documents and the Swagger UI page that shows the OpenAPI one. The page loads only same-origin
 * files (Swagger UI's bundle and a small initializer), as the content security policy allows no inline script.
 */
@Path("/api")
public final class ApiDocsResource {
    static final String FILES = "/api-docs/";
    private static final Map<String, String> STATIC = Map.of(
            "swagger-ui-bundle.js", "text/javascript",
            "swagger-ui.css", "text/css",
            "init.js", "text/javascript");

    private final ApiCatalogue catalogue;

    public ApiDocsResource(ApiCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenAPI 3.1 document of the domains mounted now")
    @ApiResponse(responseCode = "200", description = "The document")
    public String openApi() {
        return catalogue.openApi();
    }

    @GET
    @Path("asyncapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The AsyncAPI 3.0 document of the Socket.IO events handled and sent now")
    @ApiResponse(responseCode = "200", description = "The document")
    public String asyncApi() {
        return catalogue.asyncApi();
    }

    @GET
    @Path("docs")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Swagger UI showing /api/openapi.json")
    @ApiResponse(responseCode = "200", description = "The page")
    public Response page() {
        return file("index.html", MediaType.TEXT_HTML);
    }

    @GET
    @Path("docs/{file}")
    @Operation(summary = "A file of the Swagger UI page")
    @ApiResponse(responseCode = "200", description = "The file")
    @ApiResponse(responseCode = "404", description = "No such file")
    public Response asset(@PathParam("file") String name) {
        String type = STATIC.get(name);
        if (type == null) {
            throw ApiException.notFound("NOT_FOUND", "No such file: " + name);
        }
        return file(name, type);
    }

    private static Response file(String name, String type) {
        byte[] bytes;
        try (InputStream in = ApiDocsResource.class.getResourceAsStream(FILES + name)) {
            if (in == null) {
                throw ApiException.notFound("NOT_FOUND", "Not in this build: " + name);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ApiException(500, "INTERNAL_ERROR", "Could not read " + name);
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(bytes, type + (type.startsWith("text/") ? ";charset=utf-8" : "")).cacheControl(cache)
                .build();
    }
}
