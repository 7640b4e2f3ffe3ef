/**
 * What a third-party plugin compiles against (in {@code provided} scope). A plugin is a PF4J plugin jar; its
 * {@link org.pf4j.Extension @Extension} classes implement the extension points of this package:
 * {@link dev.eliza.sdk.GlobalRoutes} (served under {@code /api/plugins/<id>}), {@link dev.eliza.sdk.AgentRoutes}
 * (served per agent, as ElizaOS does), {@link dev.eliza.sdk.EventListener} (messages and agent lifecycle),
 * {@link dev.eliza.sdk.PluginService} (background work with start and stop) and
 * {@link dev.eliza.sdk.ModelProviderExtension} (a model provider agents talk through, selected by the character's
 * {@code plugins} as ElizaOS model plugins are, with the records {@link dev.eliza.sdk.TextPrompt},
 * {@link dev.eliza.sdk.GeneratedText}, {@link dev.eliza.sdk.EmbeddedText} and the
 * {@link dev.eliza.sdk.ModelProviderFailure} it throws). The platform gives each plugin one
 * {@link dev.eliza.sdk.PluginContext}: settings, logger, durable store, agents (read-only), channel messages.
 * Nothing of the platform's own technology (OSGi, Jersey, Jetty, MyBatis) appears here; routes use the standard
 * {@code jakarta.ws.rs} annotations.
 */
@org.osgi.annotation.versioning.Version("0.3.0")
package dev.eliza.sdk;
