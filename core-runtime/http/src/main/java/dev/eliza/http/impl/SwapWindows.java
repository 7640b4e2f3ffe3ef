package dev.eliza.http.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.Bundle;

/** Swap windows for several bundles at once (an update that restarts the bundles wired to the updated one). */
final class SwapWindows implements AutoCloseable {
    private final List<SwapWindow> windows;
    private final HttpMeters meters;
    private final long opened = System.nanoTime();

    private SwapWindows(List<SwapWindow> windows, HttpMeters meters) {
        this.windows = windows;
        this.meters = meters;
    }

    static SwapWindows open(DomainRouter router, Collection<Bundle> bundles) {
        List<SwapWindow> opened = new ArrayList<>();
        for (Bundle bundle : bundles) {
            opened.add(router.openWindow(bundle.getSymbolicName()));
        }
        return new SwapWindows(opened, router.meters());
    }

    @Override
    public void close() {
        windows.forEach(SwapWindow::close);
        meters.swapped(Duration.ofNanos(System.nanoTime() - opened));
    }
}
