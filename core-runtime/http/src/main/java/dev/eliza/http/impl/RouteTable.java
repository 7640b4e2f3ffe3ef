package dev.eliza.http.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An immutable prefix → value table matched on path-segment boundaries, longest prefix first. Lookups read a
 * snapshot without locking; changes build a new table.
 *
 * @param <T> what a prefix maps to
 */
final class RouteTable<T> {
    private record Entry<T>(String prefix, T value) {
        boolean matches(String path) {
            return path.startsWith(prefix)
                    && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
        }
    }

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

    Optional<T> exact(String prefix) {
        return entries.stream().filter(e -> e.prefix().equals(prefix)).map(Entry::value).findFirst();
    }

    RouteTable<T> with(String prefix, T value) {
        List<Entry<T>> next = new ArrayList<>(entries);
        next.removeIf(e -> e.prefix().equals(prefix));
        next.add(new Entry<>(prefix, value));
        next.sort(Comparator.comparingInt((Entry<T> e) -> e.prefix().length()).reversed());
        return new RouteTable<>(List.copyOf(next));
    }

    RouteTable<T> without(Predicate<T> remove) {
        return new RouteTable<>(entries.stream().filter(e -> !remove.test(e.value())).toList());
    }

    List<T> values() {
        return entries.stream().map(Entry::value).distinct().toList();
    }
}
