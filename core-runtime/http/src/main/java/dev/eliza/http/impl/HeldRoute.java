package dev.eliza.http.impl;

import java.util.concurrent.CompletableFuture;

/**
 * A prefix whose mount went away inside a swap window; completes when it is mounted again or the window ends.
 * {@code open}: the prefix was served without the API key, and stays so while held.
 */
record HeldRoute(String prefix, String owner, boolean open, CompletableFuture<Boolean> back) {

    static HeldRoute of(String prefix, String owner, boolean open) {
        return new HeldRoute(prefix, owner, open, new CompletableFuture<>());
    }
}
