package dev.eliza.audio.impl;

import java.util.List;
import java.util.Optional;

import dev.eliza.agents.api.Agent;
import dev.eliza.audio.api.AudioProviderException;
import dev.eliza.audio.api.SpeechAudio;
import dev.eliza.audio.api.SpeechProvider;
import dev.eliza.audio.api.SpeechProvider.Capability;
import dev.eliza.audio.api.Transcript;
import dev.eliza.audio.api.Voice;
import dev.eliza.http.api.ApiException;
import dev.eliza.models.api.ProviderSettings;

/** Speaking and listening for an agent with the provider its character selects; failures become route errors. */
final class Speech {
    /** A provider chosen for an agent, with the agent's settings. */
    record Chosen(SpeechProvider provider, ProviderSettings settings) {
    }

    private final SpeechProviders providers;
    private final AudioAgents agents;

    Speech(SpeechProviders providers, AudioAgents agents) {
        this.providers = providers;
        this.agents = agents;
    }

    SpeechAudio synthesize(Agent agent, String text, Optional<String> voice) {
        Chosen chosen = choose(agent, Capability.SPEECH);
        try {
            return chosen.provider().synthesize(text, voice, chosen.settings());
        } catch (AudioProviderException e) {
            throw AudioErrors.provider("generating speech", e);
        }
    }

    Transcript transcribe(Agent agent, AudioUpload upload) {
        Chosen chosen = choose(agent, Capability.TRANSCRIPTION);
        try {
            return chosen.provider().transcribe(upload.audio(), upload.mimeType(), chosen.settings());
        } catch (AudioProviderException e) {
            throw AudioErrors.provider("transcribing audio", e);
        }
    }

    List<Voice> voices(Chosen chosen) {
        try {
            return chosen.provider().voices(chosen.settings());
        } catch (AudioProviderException e) {
            throw AudioErrors.provider("listing voices", e);
        }
    }

    /** The agent's provider when it can do {@code capability} now; else 503 with what to install or set. */
    Chosen choose(Agent agent, Capability capability) {
        SpeechProviders.Selection selection = providers.select(AudioAgents.plugins(agent));
        SpeechProvider provider = selection.provider()
                .orElseThrow(() -> new ApiException(503, "SERVICE_UNAVAILABLE", selection.missingReason()));
        ProviderSettings settings = agents.settings(agent);
        Optional<String> unavailable = provider.unavailable(capability, settings);
        if (unavailable.isPresent()) {
            throw new ApiException(503, "SERVICE_UNAVAILABLE", unavailable.get());
        }
        return new Chosen(provider, settings);
    }

    /** Whether the agent's provider can do {@code capability}, and if not why, for the status route. */
    Availability availability(Agent agent, Capability capability) {
        SpeechProviders.Selection selection = providers.select(AudioAgents.plugins(agent));
        Optional<String> reason = selection.provider().isEmpty() ? Optional.of(selection.missingReason())
                : selection.provider().get().unavailable(capability, agents.settings(agent));
        return new Availability(selection.wanted(), reason);
    }

    /** A capability's state for an agent. */
    record Availability(String provider, Optional<String> reason) {
    }
}
