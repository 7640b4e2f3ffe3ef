/**
 * The media domain's contract: files uploaded for an agent or a channel, stored by the media bundle (content under
 * the data folder, metadata in PostgreSQL) and served at {@code /media/uploads/<scope>/<ownerId>/<filename>}.
 * Other bundles (an agent reading an attachment) find and read them through {@link dev.eliza.media.api.MediaLibrary}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.eliza.media.api;
