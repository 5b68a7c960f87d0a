package dev.pigeonhole.store;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Null-tolerant immutable copies for record components, with maps sorted by key for stable JSON. */
final class ImmutableCopies {

    private ImmutableCopies() {
    }

    static <V> Map<String, V> sortedMap(Map<String, V> map, String what) {
        if (map == null) {
            return Map.of();
        }
        TreeMap<String, V> copy = new TreeMap<>();
        map.forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, what + " has a null key"),
                Objects.requireNonNull(value, what + " has a null value for '" + key + "'")));
        return Collections.unmodifiableMap(copy);
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
