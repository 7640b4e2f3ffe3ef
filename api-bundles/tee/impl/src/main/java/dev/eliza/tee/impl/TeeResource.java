package dev.eliza.tee.impl;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.ApiSuccess;
import dev.eliza.tee.api.TeeProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/tee}: the provider's status, each agent's public key, signed attestation reports and derived public
 * keys. 1.7.2 mounts this router empty; the shapes follow the media/agents family ({@code {success, data}}).
 */
@Path("/api/tee")
@Produces(MediaType.APPLICATION_JSON)
public final class TeeResource {
    private final TeeProviders providers;
    private final AgentDirectory agents;
    private final AttestationReports reports;
    private final CodeMeasurement measurement;
    private final Clock clock;

    TeeResource(TeeProviders providers, AgentDirectory agents, CodeMeasurement measurement, Clock clock) {
        this.providers = providers;
        this.agents = agents;
        this.measurement = measurement;
        this.clock = clock;
        this.reports = new AttestationReports(measurement, clock);
    }

    @GET
    @Path("status")
    public ApiSuccess<Map<String, Object>> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("enabled", providers.active().isPresent());
        status.put("provider", providers.chosenId());
        providers.active().ifPresent(p -> {
            status.put("hardware", p.hardwareBacked());
            status.put("signatureAlgorithm", p.signatureAlgorithm());
            status.put("keyDerivation", p.keyDerivation());
        });
        CodeMeasurement.Value code = measurement.current();
        status.put("measurement", Map.of("algorithm", "SHA-256", "digest", code.digest(), "bundles", code.bundles()));
        status.put("signedBytes", CanonicalJson.DESCRIPTION);
        status.put("timestamp", clock.millis());
        return ApiSuccess.of(status);
    }

    @GET
    @Path("agents")
    public ApiSuccess<Map<String, Object>> agents() {
        TeeProvider provider = providers.require();
        List<KeyView> keys = agents.list().stream()
                .map(a -> KeyView.of(provider.publicKey(a.id(), ""), a.name())).toList();
        return ApiSuccess.of(Map.of("agents", keys));
    }

    @GET
    @Path("agents/{agentId}")
    public ApiSuccess<KeyView> agent(@PathParam("agentId") String agentId) {
        Agent agent = existing(TeeRequests.agentId(agentId));
        return ApiSuccess.of(KeyView.of(providers.require().publicKey(agent.id(), ""), agent.name()));
    }

    @POST
    @Path("attestation")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiSuccess<Map<String, Object>> attest(JsonNode body) {
        JsonNode request = TeeRequests.object(body);
        UUID agentId = TeeRequests.agentId(request);
        String nonce = TeeRequests.text(request, "nonce", TeeRequests.NONCE,
                "8 to 512 characters of A-Z a-z 0-9 + / = _ . : -");
        existing(agentId);
        return ApiSuccess.of(reports.attest(providers.require(), agentId, nonce));
    }

    @POST
    @Path("keys/derive")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiSuccess<KeyView> derive(JsonNode body) {
        JsonNode request = TeeRequests.object(body);
        UUID agentId = TeeRequests.agentId(request);
        String path = TeeRequests.text(request, "path", TeeRequests.PATH,
                "1 to 256 characters of A-Z a-z 0-9 / ' . _ : -");
        Agent agent = existing(agentId);
        return ApiSuccess.of(KeyView.of(providers.require().publicKey(agentId, path), agent.name()));
    }

    private Agent existing(UUID id) {
        return agents.find(id).orElseThrow(() -> ApiException.notFound("NOT_FOUND", "Agent not found"));
    }
}
