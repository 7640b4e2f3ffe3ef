package dev.eliza.http.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An immutable prefix → value table matched on path-segment boundaries. A prefix segment {@code *} matches any one
 * segment, and a prefix ending in {@code $} matches only paths with exactly its segments. Exact prefixes win, then
 * the one with more segments, then the longer one; the prefix {@code /} matches every path and loses to every other
 * prefix (the web client's fallback). Lookups read a snapshot without locking; changes build a new table.
 *
 * @param <T> what a prefix maps to
 */
final class RouteTable<T> {
    /** The prefix of every path. */
    static final String ROOT = "/";

    private record Entry<T>(String prefix, T value, String[] segments, boolean exact, boolean literal) {
        static <T> Entry<T> of(String prefix, T value) {
            if (prefix.equals(ROOT)) {
                return new Entry<>(prefix, value, new String[0], false, false);
            }
            boolean exact = prefix.endsWith("$");
            String pattern = exact ? prefix.substring(0, prefix.length() - 1) : prefix;
            return new Entry<>(prefix, value, pattern.substring(1).split("/"), exact, !pattern.contains("*"));
        }

        boolean matches(String path) {
            if (segments.length == 0) {
                return true;
            }
            if (literal && !exact) {
                return path.startsWith(prefix)
                        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
            }
            String[] parts = path.substring(1).split("/", -1);
            if (parts.length < segments.length || (exact && parts.length != segments.length)) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (!segments[i].equals("*") && !segments[i].equals(parts[i]) || parts[i].isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Comparator<Entry<?>> PRIORITY = Comparator.<Entry<?>, Boolean>comparing(Entry::exact)
            .thenComparingInt(e -> e.segments().length).thenComparingInt(e -> e.prefix().length()).reversed();

    private final List<Entry<T>> entries;

    private RouteTable(List<Entry<T>> entries) {
        this.entries = entries;
    }

    static <T> RouteTable<T> empty() {
        return new RouteTable<>(List.of());
    }

    Optional<T> match(String path) {
        for (Entry<T> entry : entries) {
            if (entry.matches(path)) {
                return Optional.of(entry.value());
            }
        }
        return Optional.empty();
    }

    /** The prefix that wins for {@code path}, if any matches. */
    Optional<String> winningPrefix(String path) {
        for (Entry<T> entry : entries) {
            if (entry.matches(path)) {
                return Optional.of(entry.prefix());
            }
        }
        return Optional.empty();
    }

    /** Whether prefix {@code a} wins over prefix {@code b} where both match a path. */
    static boolean outranks(String a, String b) {
        return PRIORITY.compare(Entry.of(a, null), Entry.of(b, null)) < 0;
    }

    /** Whether a prefix matching {@code path} and satisfying {@code test} is the one that wins. */
    boolean winnerIs(String path, Predicate<String> test) {
        for (Entry<T> entry : entries) {
            if (entry.matches(path)) {
                return test.test(entry.prefix());
            }
        }
        return false;
    }

    Optional<T> exact(String prefix) {
        return entries.stream().filter(e -> e.prefix().equals(prefix)).map(Entry::value).findFirst();
    }

    RouteTable<T> with(String prefix, T value) {
        List<Entry<T>> next = new ArrayList<>(entries);
        next.removeIf(e -> e.prefix().equals(prefix));
        next.add(Entry.of(prefix, value));
        next.sort(PRIORITY);
        return new RouteTable<>(List.copyOf(next));
    }

    RouteTable<T> without(Predicate<T> remove) {
        return new RouteTable<>(entries.stream().filter(e -> !remove.test(e.value())).toList());
    }

    List<T> values() {
        return entries.stream().map(Entry::value).distinct().toList();
    }
}
