package dev.eliza.http.impl;

import java.util.EnumSet;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.DispatcherType;

import dev.eliza.http.api.DomainContribution;

/**
 * Builds the Jersey application of one contribution with everything applied once for all domains: JSON through
 * Jackson, the ElizaOS error envelopes, the route's ids in the log context, no WADL.
 */
final class JerseyContainers {
    private JerseyContainers() {
    }

    static ResourceConfig application(DomainContribution contribution, ObjectMapper mapper) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName(contribution.domain());
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.registerInstances(new JsonBodyProvider(mapper), new ApiExceptionMapper(),
                new WebApplicationExceptionMapper(), new UnexpectedExceptionMapper(), new CrossSiteFilter(),
                new RefusedBodyDrain());
        config.registerInstances(new LogContextFilter());
        config.registerInstances(contribution.resources());
        return config;
    }

    /**
     * A servlet context at {@code /} holding the contribution's Jersey container, when it has resources, its
     * plain servlets and the filters in front of them, initialised eagerly while the caller has the thread context class loader set to Jersey's own
     * (Jersey finds its services through it).
     */
    static ServletContextHandler context(DomainContribution contribution, ObjectMapper mapper) {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.setDisplayName(contribution.domain());
        context.setAllowNullPathInContext(true);
        if (!contribution.resources().isEmpty()) {
            ServletHolder holder = new ServletHolder(new ServletContainer(application(contribution, mapper)));
            holder.setInitOrder(0);
            context.addServlet(holder, contribution.basePath() + "/*");
        }
        contribution.filters().forEach((pattern, filter) -> {
            FilterHolder holder = new FilterHolder(filter);
            holder.setAsyncSupported(true);
            context.addFilter(holder, pattern, EnumSet.of(DispatcherType.REQUEST));
        });
        contribution.servlets().forEach((pathSpec, servlet) -> {
            ServletHolder plain = new ServletHolder(servlet);
            plain.setAsyncSupported(true);
            context.addServlet(plain, pathSpec);
        });
        return context;
    }
}
