/**
 * Recent log records of the whole platform, kept in memory by the bootstrap and offered to bundles as the
 * {@link dev.eliza.platform.logging.LogBuffer} service (exported by the system bundle, version 1.0.0).
 */
package dev.eliza.platform.logging;
