package dev.pigeonhole.store;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The store contract on a real S3 API server: s3proxy with its filesystem backend. */
class S3ArtifactStoreTest extends CloudStoreContract {

    /**
     * Why the S3 race is not proven here: s3proxy 4.1.0's filesystem backend checks If-Match (AbstractNio2BlobStore.putBlob
     * compares the current ETag, then renames its temp file) without a lock, so concurrent replaces of one key all
     * succeed. Its If-None-Match is atomic (a hard link), and the create-if-absent race passes.
     */
    static final String S3PROXY_IF_MATCH_IS_NOT_ATOMIC =
            "s3proxy 4.1.0 (filesystem) checks If-Match and then renames without a lock: racing replaces all win";

    @Override
    StorageServer sharedServer() {
        return S3ProxyServer.shared();
    }

    @Override
    StorageServer startServer() {
        return S3ProxyServer.start();
    }

    @Test
    @Disabled("s3proxy's filesystem backend answers 500 below an object (it is a file, not a folder); real S3 says NoSuchKey")
    @Override
    void getOfAKeyBelowAnObjectIsEmpty() {
    }

    @Test
    @Disabled(S3PROXY_IF_MATCH_IS_NOT_ATOMIC)
    @Override
    void replaceIfRacingReadModifyWriteLosesNoIncrement() {
    }
}
