package dev.eliza.media.impl;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Server-generated file names in 1.7.2's form, {@code <epoch ms>-<9 digits>.<ext>}: the client's name never
 * reaches the file system, and a download's name is checked against this exact shape before any lookup.
 */
final class FileNames {
    static final Pattern SHAPE = Pattern.compile("\\d{13}-\\d{9}\\.[a-z0-9]{2,4}");

    private final Clock clock;
    private final Random random;

    FileNames(Clock clock) {
        this(clock, new SecureRandom());
    }

    FileNames(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    String next(String extension) {
        return String.format("%013d-%09d.%s", clock.millis(), random.nextInt(1_000_000_000), extension);
    }

    static boolean wellFormed(String name) {
        return SHAPE.matcher(name).matches();
    }
}
