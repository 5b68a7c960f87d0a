package dev.pigeonhole.store;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** What a test does when a tool it needs (Node.js, npm, the s3proxy jar) is missing: skip locally, fail on CI. */
final class TestPrerequisites {

    private TestPrerequisites() {
    }

    /** Skips the calling test with {@code message}, unless CI=true, where a missing prerequisite is a failure. */
    static void missing(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " (CI=true: the test servers must run on CI)");
        }
        Assumptions.abort(message + "; skipped because CI is not set");
    }
}
