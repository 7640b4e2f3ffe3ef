/**
 * The platform database as domain bundles see it: one shared PostgreSQL connection pool, per-domain versioned
 * schema migrations, MyBatis session factories built for a domain's own class loader, and the {@link Cluster} of
 * nodes sharing the database (membership, messages between nodes, exclusive work).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package dev.eliza.persistence.api;
