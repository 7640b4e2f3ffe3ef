package dev.eliza.tee.impl;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.eliza.http.api.ApiException;
import dev.eliza.tee.api.TeeProvider;

/** The registered providers by id, and the one {@code TEE_PROVIDER} chose ({@code software} unless set). */
final class TeeProviders {
    static final String SETTING = "TEE_PROVIDER";

    private final String chosen;
    private final Map<String, TeeProvider> byId = new ConcurrentHashMap<>();

    TeeProviders(String chosen) {
        this.chosen = chosen;
    }

    void add(TeeProvider provider) {
        byId.put(provider.id(), provider);
    }

    void remove(TeeProvider provider) {
        byId.remove(provider.id(), provider);
    }

    String chosenId() {
        return chosen;
    }

    Optional<TeeProvider> active() {
        return Optional.ofNullable(byId.get(chosen));
    }

    /** The chosen provider, or 503 naming the setting when it is not (or no longer) registered. */
    TeeProvider require() {
        return active().orElseThrow(() -> new ApiException(503, "SERVICE_UNAVAILABLE", "The TEE provider '"
                + chosen + "' is not available; set " + SETTING + " to one of " + byId.keySet()));
    }
}
