package dev.pigeonhole.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real store whose conditional writes of chosen keys fail, as a process dying or a store refusing would make them:
 * each write whose key {@code fails} matches throws once {@code allowed} of them went through. Counts those writes.
 */
public final class FaultyStore implements ArtifactStore {

    private final ArtifactStore delegate;
    private final Predicate<String> fails;
    private final int allowed;
    private final AtomicInteger writes = new AtomicInteger();

    public FaultyStore(ArtifactStore delegate, Predicate<String> fails, int allowed) {
        this.delegate = delegate;
        this.fails = fails;
        this.allowed = allowed;
    }

    /** Writes of matching keys so far, those that failed included. */
    public int writes() {
        return writes.get();
    }

    private void check(String key) {
        if (fails.test(key) && writes.incrementAndGet() > allowed) {
            throw new StoreException("write of " + key + " failed (injected)");
        }
    }

    @Override
    public Optional<StoredObject> get(String key) {
        return delegate.get(key);
    }

    @Override
    public void put(String key, byte[] data) {
        check(key);
        delegate.put(key, data);
    }

    @Override
    public boolean putIfAbsent(String key, byte[] data) {
        check(key);
        return delegate.putIfAbsent(key, data);
    }

    @Override
    public boolean replaceIf(String key, byte[] data, String expectedEtag) {
        check(key);
        return delegate.replaceIf(key, data, expectedEtag);
    }

    @Override
    public List<String> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
