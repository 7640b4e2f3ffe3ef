/**
 * The contract between the HTTP platform bundle and the domain bundles that contribute routes to it.
 *
 * <p>A domain bundle registers a {@link dev.eliza.http.api.DomainContribution} service; the HTTP bundle mounts
 * its JAX-RS resources on the shared Jetty server while the service is registered and removes them when it goes.
 * Resources report client mistakes by throwing {@link dev.eliza.http.api.ApiException}; the HTTP bundle renders
 * it in the ElizaOS envelope of the resource's route family ({@link dev.eliza.http.api.ErrorEnvelope}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.7.0")
package dev.eliza.http.api;
