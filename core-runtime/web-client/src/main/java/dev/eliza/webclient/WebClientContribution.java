package dev.eliza.webclient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import dev.eliza.http.api.DomainContribution;

import jakarta.servlet.Servlet;

/**
 * The unmodified ElizaOS web client ({@code @elizaos/client}, fetched from npm at build time with its integrity
 * checked) at {@code /} on the API's port: every path no domain claims. Its files need no API key (the app asks for
 * the key and sends it itself); {@code ELIZA_UI_ENABLE=false} turns it off, as in ElizaOS, leaving only the 404
 * bodies. Stopping or updating this bundle swaps the client like any domain.
 */
@Component(service = DomainContribution.class)
public final class WebClientContribution implements DomainContribution {
    private final Servlet servlet;

    @Activate
    public WebClientContribution(BundleContext context) throws IOException {
        boolean enabled = !"false".equalsIgnoreCase(Optional.ofNullable(context.getProperty("ELIZA_UI_ENABLE"))
                .orElse("").trim());
        Optional<Path> root = Optional.empty();
        if (enabled) {
            Path area = context.getDataFile("web-client").toPath();
            Files.createDirectories(area);
            root = Optional.of(ClientFiles.extract(context.getBundle(), area));
        }
        this.servlet = new SinglePageServlet(root);
    }

    @Override
    public String domain() {
        return "web-client";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/");
    }

    @Override
    public List<String> publicPrefixes() {
        return List.of("/");
    }

    @Override
    public Set<Object> resources() {
        return Set.of();
    }

    @Override
    public Map<String, Servlet> servlets() {
        return Map.of("/*", servlet);
    }
}
