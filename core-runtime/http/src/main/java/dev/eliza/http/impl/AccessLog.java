package dev.eliza.http.impl;

import java.util.Map;
import java.util.function.Function;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Jetty's request log for the platform: one line per finished request on the {@code eliza.access} logger, with its
 * facts also as log-context fields. Above {@link AccessLogSettings#maxPerSecond()} lines a second the rest are
 * counted and reported in one line; server errors and slow requests are always logged.
 */
final class AccessLog implements RequestLog {
    /** The request attribute naming the domain whose mount served the request. */
    static final String DOMAIN_ATTRIBUTE = "eliza.domain";

    /** Where access lines go: the log, or a test. */
    interface Sink {
        void line(AccessLine line);

        void skipped(long lines, int maxPerSecond);
    }

    private final Function<Boolean, AccessSampler.Admission> sampler;
    private final long slowMillis;
    private final int maxPerSecond;
    private final Sink sink;

    /** {@code sampler} is an {@link AccessSampler}'s {@code admit}, or a test's view of one. */
    AccessLog(AccessLogSettings settings, Function<Boolean, AccessSampler.Admission> sampler, Sink sink) {
        this.sampler = sampler;
        this.slowMillis = settings.slow().toMillis();
        this.maxPerSecond = settings.maxPerSecond();
        this.sink = sink;
    }

    static AccessLog toSlf4j(AccessLogSettings settings) {
        return new AccessLog(settings, new AccessSampler(settings.maxPerSecond(), System::currentTimeMillis)::admit,
                new Slf4jSink());
    }

    @Override
    public void log(Request request, Response response) {
        long millis = NanoTime.millisSince(request.getBeginNanoTime());
        AccessSampler.Admission admission = sampler.apply(response.getStatus() >= 500 || millis >= slowMillis);
        if (admission.skippedEarlier() > 0) {
            sink.skipped(admission.skippedEarlier(), maxPerSecond);
        }
        if (admission.log()) {
            sink.line(AccessLine.of(request, response, millis));
        }
    }

    /** Writes through slf4j, the line's fields in the MDC for that one call, the thread's own context kept. */
    private static final class Slf4jSink implements Sink {
        private static final Logger LOG = LoggerFactory.getLogger("eliza.access");

        @Override
        public void line(AccessLine line) {
            Map<String, String> before = MDC.getCopyOfContextMap();
            try {
                line.fields().forEach(MDC::put);
                LOG.info(line.text());
            } finally {
                if (before == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(before);
                }
            }
        }

        @Override
        public void skipped(long lines, int maxPerSecond) {
            LOG.info("{} access lines skipped (more than {} requests a second)", lines, maxPerSecond);
        }
    }
}
