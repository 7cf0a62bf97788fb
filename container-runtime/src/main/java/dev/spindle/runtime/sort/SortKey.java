package dev.spindle.runtime.sort;

/**
 * How records are ordered: a record's key, how two keys compare, and optionally a normalized key —
 * an 8-byte prefix of the key whose unsigned order agrees with the key order, so that most
 * comparisons are decided on the prefix without deserializing records.
 *
 * <p>The contract: if {@code Long.compareUnsigned(normalize(a), normalize(b)) < 0} then
 * {@code compare(a, b) < 0}; and if {@code normalize(a) == normalize(b)} and that value is
 * {@link #isDecisive decisive}, then {@code compare(a, b) == 0}. Otherwise equal prefixes decide
 * nothing and the full keys are compared.
 *
 * <p>An instance may keep state (the normalizer is chosen from the first key it sees), so each
 * sorter uses its own instance from one thread.
 *
 * @param <T> the record type
 * @param <K> the key type
 */
public interface SortKey<T, K> {

    /** The key of {@code record}; failures of user key selectors surface as {@link SortKeyException}. */
    K extract(T record);

    /** Compares two keys in sort order (direction already applied). */
    int compare(K first, K second);

    /** The normalized key of {@code key}; 0 (the smallest) when the key has none. */
    default long normalize(K key) {
        return 0;
    }

    /** Whether two keys with this same normalized key are certainly equal. */
    default boolean isDecisive(long normalizedKey) {
        return false;
    }
}
