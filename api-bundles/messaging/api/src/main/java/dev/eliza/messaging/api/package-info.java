/**
 * The messaging domain's contract: what other bundles (the plugin host, the agent runtime) may ask of channels.
 * The domain's implementation bundle registers {@link dev.eliza.messaging.api.ChannelPoster}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.eliza.messaging.api;
