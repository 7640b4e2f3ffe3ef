package dev.eliza.webclient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jetty.ee10.servlet.ResourceServlet;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the single-page app the way ElizaOS does: a file of the app is served by Jetty's {@link ResourceServlet}
 * (ETags, ranges, conditional requests); a path under {@code /api} nobody else serves is the API's 404 body; a
 * missing file (a path whose last segment has an extension) is a 404; every other path is the app's
 * {@code index.html}, so its routes ({@code /chat/:agentId/:channelId}, {@code /settings}, …) survive a reload.
 * The hashed {@code /assets/} files are cached for good; {@code index.html} is revalidated every time.
 */
final class SinglePageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The bodies the HTTP bundle answers for paths nobody serves, so the fallback does not change them. */
    static final String API_NOT_FOUND =
            "{\"success\":false,\"error\":{\"message\":\"API endpoint not found\",\"code\":404}}";
    static final String NOT_FOUND = "{\"success\":false,\"error\":{\"message\":\"Not found\",\"code\":404}}";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final transient Optional<Path> root;
    private final byte[] index;
    private transient ResourceServlet files;

    /** Serves the app in {@code root}; with none (the client is turned off), only the 404 bodies. */
    SinglePageServlet(Optional<Path> root) throws IOException {
        this.root = root.map(Path::toAbsolutePath);
        this.index = this.root.isPresent() ? Files.readAllBytes(this.root.get().resolve("index.html")) : new byte[0];
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        if (root.isPresent()) {
            files = new ResourceServlet();
            files.init(new Settings(config, Map.of("baseResource", root.get().toUri().toString(),
                    "dirAllowed", "false", "etags", "true")));
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        if (path.equals("/api") || path.startsWith("/api/")) {
            json(response, API_NOT_FOUND);
            return;
        }
        if (root.isEmpty()) {
            json(response, NOT_FOUND);
            return;
        }
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (isFile(path)) {
            if (path.startsWith("/assets/")) {
                response.setHeader("Cache-Control", IMMUTABLE);
            }
            files.service(request, response);
        } else if (path.substring(path.lastIndexOf('/') + 1).contains(".")) {
            json(response, NOT_FOUND);
        } else {
            response.setContentType("text/html;charset=utf-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setContentLength(index.length);
            if (request.getMethod().equals("GET")) {
                response.getOutputStream().write(index);
            }
        }
    }

    private boolean isFile(String path) {
        Path file = root.get().resolve(path.substring(1)).normalize();
        return file.startsWith(root.get()) && Files.isRegularFile(file);
    }

    private static void json(HttpServletResponse response, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The servlet's own configuration with the resource servlet's parameters in place of its. */
    private record Settings(ServletConfig base, Map<String, String> parameters) implements ServletConfig {
        @Override
        public String getServletName() {
            return base.getServletName() + "-files";
        }

        @Override
        public ServletContext getServletContext() {
            return base.getServletContext();
        }

        @Override
        public String getInitParameter(String name) {
            return parameters.get(name);
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }
    }
}
