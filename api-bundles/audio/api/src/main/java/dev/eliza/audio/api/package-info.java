/**
 * The audio domain's contract: the {@link dev.eliza.audio.api.SpeechProvider} SPI that turns text into speech and
 * speech into text, and the values it exchanges. The audio implementation serves {@code /api/audio/:agentId/...}
 * and picks a provider per agent from the character's {@code plugins}, the offline one by default.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.eliza.audio.api;
