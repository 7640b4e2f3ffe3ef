/**
 * What happened on the platform, for whoever wants to react: domains publish {@link
 * dev.eliza.events.api.PlatformEvent}s through the {@link dev.eliza.events.api.PlatformEvents} service; listeners
 * are {@link dev.eliza.events.api.PlatformEventListener} services (registered, never wired), each fed in order on
 * its own queue so a slow or failing listener delays and harms only itself.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package dev.eliza.events.api;
