/**
 * The sessions domain's contract: a session's timeout configuration and the Socket.IO events the sessions bundle
 * sends to a session's channel room. The sessions implementation serves {@code /api/messaging/sessions}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.eliza.sessions.api;
