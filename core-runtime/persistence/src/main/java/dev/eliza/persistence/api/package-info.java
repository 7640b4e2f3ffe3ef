/**
 * The platform database as domain bundles see it: one shared PostgreSQL connection pool, per-domain versioned
 * schema migrations, and MyBatis session factories built for a domain's own class loader.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.eliza.persistence.api;
