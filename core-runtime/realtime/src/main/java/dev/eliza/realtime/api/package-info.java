/**
 * Socket.IO for domain bundles. A domain handles client events by registering {@link
 * dev.eliza.realtime.api.RealtimeEventHandler} services (one per event name) and sends events to rooms, sockets or
 * everyone through the {@link dev.eliza.realtime.api.RealtimeBroadcaster} service. Payloads are Jackson trees on
 * the way in and any Jackson-serialisable value on the way out.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package dev.eliza.realtime.api;
