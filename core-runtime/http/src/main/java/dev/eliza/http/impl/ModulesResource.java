package dev.eliza.http.impl;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.eliza.http.api.ApiSuccess;
import dev.eliza.http.api.SameOriginOnly;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/server/modules}: list the domain bundles and stop, start, restart or update one. */
@Path("/api/server/modules")
@SameOriginOnly
@Produces(MediaType.APPLICATION_JSON)
public final class ModulesResource {
    private final ModuleManager modules;

    ModulesResource(ModuleManager modules) {
        this.modules = modules;
    }

    @GET
    public ApiSuccess<Map<String, List<ModuleInfo>>> list() {
        return ApiSuccess.of(Map.of("modules", modules.list()));
    }

    @POST
    @Path("{name}/stop")
    public ApiSuccess<ModuleInfo> stop(@PathParam("name") String name) throws Exception {
        return ApiSuccess.of(modules.stop(name));
    }

    @POST
    @Path("{name}/start")
    public ApiSuccess<ModuleInfo> start(@PathParam("name") String name) throws Exception {
        return ApiSuccess.of(modules.start(name));
    }

    @POST
    @Path("{name}/restart")
    public ApiSuccess<ModuleInfo> restart(@PathParam("name") String name) throws Exception {
        return ApiSuccess.of(modules.restart(name));
    }

    /**
     * The body, when not empty, is the new jar; otherwise the newest matching jar in {@code deploy/} is used (an
     * empty JSON body, as API clients send, included).
     */
    @POST
    @Path("{name}/update")
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM, "application/zip",
            MediaType.APPLICATION_JSON})
    public ApiSuccess<ModuleInfo> update(@PathParam("name") String name, InputStream body) throws Exception {
        java.nio.file.Path upload = Files.createTempFile("module-", ".jar");
        try {
            long size = Files.copy(body, upload, StandardCopyOption.REPLACE_EXISTING);
            return ApiSuccess.of(modules.update(name, size > 0 ? Optional.of(upload) : Optional.empty()));
        } finally {
            Files.deleteIfExists(upload);
        }
    }
}
