package dev.eliza.http.impl;

import java.util.concurrent.CompletableFuture;

/** A prefix whose mount went away inside a swap window; completes when it is mounted again or the window ends. */
record HeldRoute(String prefix, String owner, CompletableFuture<Boolean> back) {

    static HeldRoute of(String prefix, String owner) {
        return new HeldRoute(prefix, owner, new CompletableFuture<>());
    }
}
