package dev.eliza.providers.audio.openai;

import java.util.Optional;

import dev.eliza.models.api.ProviderSettings;

/**
 * {@code @elizaos/plugin-openai}'s audio variables, with its defaults. A key is required only for OpenAI itself: a
 * local server named by {@code OPENAI_BASE_URL} (whisper.cpp, LocalAI) usually takes none.
 *
 * @param baseUrl {@code OPENAI_BASE_URL} without trailing slash
 * @param key {@code OPENAI_API_KEY}, a secret
 * @param speechModel {@code OPENAI_TTS_MODEL}
 * @param voice {@code OPENAI_TTS_VOICE}
 * @param instructions {@code OPENAI_TTS_INSTRUCTIONS}
 * @param transcriptionModel {@code OPENAI_TRANSCRIPTION_MODEL}
 */
record OpenAiAudioSettings(String baseUrl, Optional<String> key, String speechModel, String voice,
                           Optional<String> instructions, String transcriptionModel) {
    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    static OpenAiAudioSettings from(ProviderSettings settings) {
        String base = settings.get("OPENAI_BASE_URL", DEFAULT_BASE_URL).strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new OpenAiAudioSettings(base, settings.get("OPENAI_API_KEY"),
                settings.get("OPENAI_TTS_MODEL", "gpt-4o-mini-tts"), settings.get("OPENAI_TTS_VOICE", "nova"),
                settings.get("OPENAI_TTS_INSTRUCTIONS"),
                settings.get("OPENAI_TRANSCRIPTION_MODEL", "gpt-4o-mini-transcribe"));
    }

    /** Why requests cannot be made: OpenAI's own endpoint without a key. */
    Optional<String> missing() {
        return key.isEmpty() && baseUrl.equals(DEFAULT_BASE_URL)
                ? Optional.of("OpenAI speech needs OPENAI_API_KEY: set it in the character's secrets or settings, or"
                        + " the environment (or set OPENAI_BASE_URL to a local OpenAI-compatible server)")
                : Optional.empty();
    }

    /** Hides the key. */
    @Override
    public String toString() {
        return "OpenAiAudioSettings[" + baseUrl + ", key " + (key.isPresent() ? "set" : "unset") + "]";
    }
}
