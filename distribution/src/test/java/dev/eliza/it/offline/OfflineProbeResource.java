package dev.eliza.it.offline;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.models.api.ModelClass;
import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ProviderSettings;
import dev.eliza.models.api.TextRequest;
import dev.eliza.models.api.TextResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Looks the offline provider up on every request (so an updated bundle's new service is the one called). */
@Path("/api/offline-probe")
public final class OfflineProbeResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BundleContext context;

    OfflineProbeResource(BundleContext context) {
        this.context = context;
    }

    /** Embeds {@code text}: the vector's size, its first values, how long it took, and who answered. */
    @GET
    @Path("embed")
    @Produces(MediaType.APPLICATION_JSON)
    public String embed(@QueryParam("text") String text) throws InvalidSyntaxException {
        ServiceReference<ModelProvider> reference = offline();
        ModelProvider provider = context.getService(reference);
        try {
            long started = System.nanoTime();
            float[] vector = provider.embed(text, new ProviderSettings(Map.of())).vector();
            ObjectNode out = describe(reference).put("millis", (System.nanoTime() - started) / 1_000_000)
                    .put("dimensions", vector.length);
            for (int i = 0; i < 3; i++) {
                out.withArray("head").add(vector[i]);
            }
            return out.toString();
        } finally {
            context.ungetService(reference);
        }
    }

    /** The offline answer to {@code text}, and its streamed pieces. */
    @GET
    @Path("reply")
    @Produces(MediaType.APPLICATION_JSON)
    public String reply(@QueryParam("text") String text) throws InvalidSyntaxException {
        ServiceReference<ModelProvider> reference = offline();
        ModelProvider provider = context.getService(reference);
        try {
            ObjectNode out = describe(reference);
            TextRequest request = new TextRequest(UUID.randomUUID(), TextRequest.Purpose.REPLY,
                    ModelClass.TEXT_SMALL, "You are Probe.", List.of(), text, 256, 0,
                    new ProviderSettings(Map.of()));
            TextResult result = provider.generate(request, chunk -> out.withArray("chunks").add(chunk));
            return out.put("text", result.text()).toString();
        } finally {
            context.ungetService(reference);
        }
    }

    private ServiceReference<ModelProvider> offline() throws InvalidSyntaxException {
        for (ServiceReference<ModelProvider> reference : context.getServiceReferences(ModelProvider.class, null)) {
            ModelProvider provider = context.getService(reference);
            try {
                if (provider != null && ModelProvider.OFFLINE.equals(provider.id())) {
                    return reference;
                }
            } finally {
                context.ungetService(reference);
            }
        }
        throw new jakarta.ws.rs.NotFoundException("no offline provider");
    }

    private static ObjectNode describe(ServiceReference<ModelProvider> reference) {
        return JSON.createObjectNode().put("bundle", reference.getBundle().getSymbolicName())
                .put("version", reference.getBundle().getVersion().toString());
    }
}
