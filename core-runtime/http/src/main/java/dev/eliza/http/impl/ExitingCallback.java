package dev.eliza.http.impl;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Counts the request out of its mount when the response completes, or when the handler gives up on it; a
 * completed response is measured with its status (a failed one as a 500).
 */
final class ExitingCallback implements Callback {
    private final Callback delegate;
    private final Mount mount;
    private final IntConsumer measure;
    private final Response response;
    private final AtomicBoolean exited = new AtomicBoolean();

    ExitingCallback(Callback delegate, Mount mount, IntConsumer measure, Response response) {
        this.delegate = delegate;
        this.mount = mount;
        this.measure = measure;
        this.response = response;
    }

    void exit() {
        if (exited.compareAndSet(false, true)) {
            mount.exit();
        }
    }

    @Override
    public void succeeded() {
        exit();
        measure.accept(response.getStatus());
        delegate.succeeded();
    }

    @Override
    public void failed(Throwable x) {
        exit();
        measure.accept(500);
        delegate.failed(x);
    }

    @Override
    public InvocationType getInvocationType() {
        return delegate.getInvocationType();
    }
}
