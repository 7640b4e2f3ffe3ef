package dev.eliza.jobs.impl;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a job stands, as 1.7.2 names it; only {@code PROCESSING} changes, and only once. */
enum JobStatus {
    PENDING, PROCESSING, COMPLETED, FAILED, TIMEOUT;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this wire name, if it is one (a list filter that is not one is ignored, as in 1.7.2). */
    static Optional<JobStatus> of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
