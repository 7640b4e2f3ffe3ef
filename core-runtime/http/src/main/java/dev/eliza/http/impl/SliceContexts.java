package dev.eliza.http.impl;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

import dev.eliza.http.api.DomainContribution;

/**
 * Lets the HTTP-slice test kit build a domain's servlet context exactly as the platform does, without exposing the
 * implementation package. Not exported from the bundle.
 */
public final class SliceContexts {
    private SliceContexts() {
    }

    /** The servlet context the platform would mount for {@code contribution}. */
    public static ServletContextHandler context(DomainContribution contribution) {
        return JerseyContainers.context(contribution, ObjectMappers.create());
    }
}
