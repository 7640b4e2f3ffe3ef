package dev.eliza.pluginhost;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.ApiSuccess;
import dev.eliza.http.api.SameOriginOnly;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/plugins}: list plugins; upload a jar (install and start); show, enable, disable, reload or delete one.
 * What is done here is done on every node sharing the database ({@link CataloguedPlugins}).
 */
@jakarta.ws.rs.Path("/api/plugins")
@Produces(MediaType.APPLICATION_JSON)
@SameOriginOnly
public final class PluginsResource {
    private final PluginHost host;
    private final PluginsFolder folder;
    private final CataloguedPlugins catalogued;

    PluginsResource(PluginHost host, PluginsFolder folder, CataloguedPlugins catalogued) {
        this.host = host;
        this.folder = folder;
        this.catalogued = catalogued;
    }

    @GET
    public ApiSuccess<Map<String, List<PluginInfo>>> list() {
        return ApiSuccess.of(Map.of("plugins", host.list()));
    }

    /**
     * The body is a plugin jar; it is kept in {@code plugins/} as {@code <id>.jar}. 201 once the plugin is started
     * and its routes are served; 422 with the reason (and no jar kept) when it cannot start.
     */
    @POST
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM, "application/zip"})
    public Response upload(InputStream body) throws IOException {
        Path upload = folder.newUpload();
        try {
            Files.copy(body, upload, StandardCopyOption.REPLACE_EXISTING);
            String id = pluginId(upload);
            catalogued.install(upload, id);
            return Response.status(201).entity(ApiSuccess.of(info(id))).build();
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @GET
    @jakarta.ws.rs.Path("{id}")
    public ApiSuccess<PluginInfo> get(@PathParam("id") String id) {
        return ApiSuccess.of(info(id));
    }

    @POST
    @jakarta.ws.rs.Path("{id}/enable")
    public ApiSuccess<PluginInfo> enable(@PathParam("id") String id) {
        catalogued.enable(id, true);
        return ApiSuccess.of(info(id));
    }

    @POST
    @jakarta.ws.rs.Path("{id}/disable")
    public ApiSuccess<PluginInfo> disable(@PathParam("id") String id) {
        catalogued.enable(id, false);
        return ApiSuccess.of(info(id));
    }

    @POST
    @jakarta.ws.rs.Path("{id}/reload")
    public ApiSuccess<PluginInfo> reload(@PathParam("id") String id) throws IOException {
        catalogued.reload(id);
        return ApiSuccess.of(info(id));
    }

    @DELETE
    @jakarta.ws.rs.Path("{id}")
    public Response delete(@PathParam("id") String id) throws IOException {
        catalogued.delete(id);
        return Response.noContent().build();
    }

    private PluginInfo info(String id) {
        return host.list().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("NOT_FOUND", "Plugin not found: " + id));
    }

    private static String pluginId(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String id = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Plugin-Id");
            if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new ApiException(422, "INVALID_PLUGIN", "The jar has no valid Plugin-Id in its manifest");
            }
            return id;
        } catch (IOException e) {
            throw new ApiException(422, "INVALID_PLUGIN", "The upload is not a jar");
        }
    }
}
