/**
 * Testing a plugin without a server: {@link dev.eliza.sdk.testkit.PluginJar} writes a real plugin jar into a
 * folder (for tests that load it with PF4J or copy it into a running server), and
 * {@link dev.eliza.sdk.testkit.PluginHarness} runs a plugin's extensions in memory: its routes answer at the paths
 * the server serves them at, its listeners hear the events you publish, its services start and stop, and its
 * {@link dev.eliza.sdk.PluginContext} is backed by in-memory settings, store, agents and channel messages.
 *
 * <pre>{@code
 * try (PluginHarness plugin = PluginHarness.forPlugin("weather").setting("unit", "C")
 *         .extensions(new WeatherRoutes()).start()) {
 *     TestResponse response = plugin.get("/api/plugins/weather/today");
 *     assertEquals(200, response.status());
 * }
 * }</pre>
 */
package dev.eliza.sdk.testkit;
