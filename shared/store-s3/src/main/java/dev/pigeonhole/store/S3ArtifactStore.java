package dev.pigeonhole.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** An {@link ArtifactStore} in an S3 bucket (or an S3-compatible server) under a key prefix; etags are S3's ETags. */
public final class S3ArtifactStore implements ArtifactStore, AutoCloseable {

    private static final int CONFLICT_ATTEMPTS = 20;
    private static final int CONNECTION_ATTEMPTS = 3;

    private final SdkHttpClient http;
    private final S3Client client;
    // Conditional writes are never retried by the SDK: if a create-if-absent reached the server but its answer was
    // lost, a blind retry would get 412 and report "someone else created it" for our own object. conditionalPut
    // resends itself and then tells its own write from a rival's by the stored bytes.
    private final S3Client conditionalClient;
    private final BucketLocation location;
    private final String endpointName;

    private S3ArtifactStore(SdkHttpClient http, S3Client client, S3Client conditionalClient, BucketLocation location,
                            String endpointName) {
        this.http = http;
        this.client = client;
        this.conditionalClient = conditionalClient;
        this.location = location;
        this.endpointName = endpointName;
    }

    /** Connects to the bucket {@code location} names and checks it exists; StoreException naming it if not. */
    public static S3ArtifactStore open(BucketLocation location, S3Settings settings) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(settings, "settings");
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
        Supplier<S3ClientBuilder> builder = () -> {
            S3ClientBuilder b = S3Client.builder()
                    .httpClient(http)
                    .region(settings.region())
                    .credentialsProvider(settings.credentials());
            // S3-compatible servers take the bucket in the path, not in a virtual host name.
            settings.endpoint().ifPresent(uri -> b.endpointOverride(uri).forcePathStyle(true));
            return b;
        };
        S3Client client = builder.get().build();
        S3Client conditional = builder.get()
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(new NoExpectContinue()))
                .build();
        String endpointName = settings.endpoint().map(Object::toString).orElse("S3 in " + settings.region());
        S3ArtifactStore store = new S3ArtifactStore(http, client, conditional, location, endpointName);
        store.requireBucket();
        return store;
    }

    private void requireBucket() {
        try {
            client.headBucket(b -> b.bucket(location.bucket()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw missingBucket(e);
            }
            throw failure("open", "", e);
        } catch (SdkException e) {
            throw failure("open", "", e);
        }
    }

    @Override
    public Optional<StoredObject> get(String key) {
        String name = location.objectName(StoreKeys.requireValidKey(key));
        try {
            ResponseBytes<GetObjectResponse> bytes = idempotent("read", key,
                    () -> client.getObjectAsBytes(b -> b.bucket(location.bucket()).key(name)));
            return Optional.of(new StoredObject(bytes.asByteArray(), bytes.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void put(String key, byte[] data) {
        Objects.requireNonNull(data, "data");
        String name = location.objectName(StoreKeys.requireValidKey(key));
        try {
            idempotent("write", key, () -> client.putObject(request(name), RequestBody.fromBytes(data)));
        } catch (SdkException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public boolean putIfAbsent(String key, byte[] data) {
        Objects.requireNonNull(data, "data");
        String name = location.objectName(StoreKeys.requireValidKey(key));
        return written(key, data, conditionalPut(key, request(name).toBuilder().ifNoneMatch("*").build(), data, "create"));
    }

    @Override
    public boolean replaceIf(String key, byte[] data, String expectedEtag) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(expectedEtag, "expectedEtag");
        String name = location.objectName(StoreKeys.requireValidKey(key));
        return written(key, data, conditionalPut(key, request(name).toBuilder().ifMatch(expectedEtag).build(), data, "replace"));
    }

    /**
     * A refusal met only by a resend may be our own first attempt, applied though its answer was lost: when the
     * stored bytes are ours, this call wrote them (ArtifactStore asks writers that must be told apart for distinct bytes).
     */
    private boolean written(String key, byte[] data, ConditionalOutcome outcome) {
        if (outcome == ConditionalOutcome.REFUSED_AFTER_RESEND) {
            return get(key).map(existing -> Arrays.equals(existing.data(), data)).orElse(false);
        }
        return outcome == ConditionalOutcome.WRITTEN;
    }

    @Override
    public List<String> list(String prefix) {
        StoreKeys.requireValidPrefix(prefix);
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder()
                    .bucket(location.bucket()).prefix(location.objectName(prefix)).build();
            List<S3Object> objects = idempotent("list", prefix,
                    () -> client.listObjectsV2Paginator(request).contents().stream().toList());
            return location.keysOf(objects.stream().map(S3Object::key).toList());
        } catch (SdkException e) {
            throw failure("list", prefix, e);
        }
    }

    @Override
    public String describe() {
        return location.describe();
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public void close() {
        client.close();
        conditionalClient.close();
        http.close();
    }

    private PutObjectRequest request(String name) {
        return PutObjectRequest.builder().bucket(location.bucket()).key(name)
                .contentType("application/octet-stream").build();
    }

    /**
     * Runs a read or a plain write, which are safe to repeat, once more when the connection broke under it: the JDK
     * client reuses kept-alive connections that the server may already have closed, and surfaces that as an
     * UncheckedIOException outside the SDK's own retries.
     */
    private <T> T idempotent(String action, String key, Supplier<T> call) {
        try {
            return call.get();
        } catch (UncheckedIOException first) {
            try {
                return call.get();
            } catch (UncheckedIOException second) {
                throw new StoreException("cannot " + action + " '" + key + "' in " + describe() + ": "
                        + second.getCause().getMessage(), second);
            }
        }
    }

    private enum ConditionalOutcome { WRITTEN, REFUSED, REFUSED_AFTER_RESEND }

    private ConditionalOutcome conditionalPut(String key, PutObjectRequest request, byte[] data, String action) {
        int conflicts = 0;
        int brokenConnections = 0;
        boolean mayHaveWritten = false;
        while (true) {
            try {
                conditionalClient.putObject(request, RequestBody.fromBytes(data));
                return ConditionalOutcome.WRITTEN;
            } catch (S3Exception e) {
                if (e.statusCode() == 412 || isNoSuchKey(e)) {
                    return mayHaveWritten ? ConditionalOutcome.REFUSED_AFTER_RESEND : ConditionalOutcome.REFUSED;
                }
                // S3 answers 409 to a conditional write racing another on the same key: nothing was written, try again.
                if (e.statusCode() == 409 && ++conflicts < CONFLICT_ATTEMPTS) {
                    pause(conflicts);
                    continue;
                }
                throw failure(action, key, e);
            } catch (UncheckedIOException | SdkClientException e) {
                // A broken connection (typically a kept-alive one the server had closed) leaves it unknown whether the
                // server applied the write, even when the client failed writing the body (a small body may have
                // reached the server whole): send it again, and check a refusal then against the stored bytes.
                boolean notSent = e instanceof SdkClientException client && bodyNotSent(client);
                boolean broken = e instanceof UncheckedIOException || e.getCause() instanceof IOException;
                boolean retry = notSent ? ++conflicts < CONFLICT_ATTEMPTS
                        : broken && ++brokenConnections < CONNECTION_ATTEMPTS;
                if (retry) {
                    mayHaveWritten = true;
                    continue;
                }
                if (e instanceof SdkClientException client) {
                    throw failure(action, key, client);
                }
                throw new StoreException("cannot " + action + " '" + key + "' in " + describe() + ": "
                        + e.getCause().getMessage(), e);
            }
        }
    }

    /**
     * True when the request body could not be written: the server had closed the connection, typically a kept-alive
     * one after answering an earlier If-Match with 412 before reading its body. Common under racing writers, so it
     * is retried as often as a conflict; whether the write was applied is still checked by the stored bytes.
     */
    private static boolean bodyNotSent(SdkException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && "Error writing request body to server".equals(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops the SDK's "Expect: 100-continue" from conditional PUTs. A server refuses a failed If-Match with 412 before
     * reading the body; HttpURLConnection then fails writing the body instead of returning that 412.
     */
    private static final class NoExpectContinue implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().removeHeader("Expect").build();
        }
    }

    private static boolean isNoSuchKey(S3Exception e) {
        return e.statusCode() == 404 && "NoSuchKey".equals(errorCode(e));
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(200, 5L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a conditional write", e);
        }
    }

    private StoreException missingBucket(Exception cause) {
        return new StoreException("S3 bucket '" + location.bucket() + "' does not exist at " + endpointName
                + " (PIGEONHOLE_STORE=" + describe() + "); the bucket is created by the infrastructure, not by Pigeonhole",
                cause);
    }

    private StoreException failure(String action, String key, SdkException e) {
        if (e instanceof S3Exception s3 && s3.statusCode() == 404 && "NoSuchBucket".equals(errorCode(s3))) {
            return missingBucket(e);
        }
        return StoreException.cannot(action, key, describe() + " at " + endpointName, e.getMessage(), e);
    }
}
