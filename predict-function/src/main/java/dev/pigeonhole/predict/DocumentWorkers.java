package dev.pigeonhole.predict;

import dev.pigeonhole.documents.DocumentException;
import dev.pigeonhole.http.RequestRejectedException;
import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Reads uploaded documents off the server's event loop, on a bounded pool ({@code pigeonhole.upload.parse-threads},
 * {@code parse-queue}), each within {@code pigeonhole.upload.parse-timeout}: a document over the deadline is
 * answered 422 and its reading is interrupted; a full queue is answered 503.
 */
@Singleton
final class DocumentWorkers {

    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    DocumentWorkers(UploadLimits limits) {
        this.timeout = limits.parseTimeout();
        AtomicInteger count = new AtomicInteger();
        int threads = limits.threads();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.parseQueue()), work -> {
                    Thread thread = new Thread(work, "document-reader-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code work} on the pool; the answer fails with a {@link DocumentException} (422) when the work takes
     * longer than the deadline from its start, or a {@link RequestRejectedException} (503) when too many wait.
     */
    <T> CompletableFuture<T> submit(Supplier<T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Future<?> task;
        try {
            task = pool.submit(() -> {
                // The deadline runs from the start of the reading, not from the wait in the queue.
                answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
                try {
                    answer.complete(work.get());
                } catch (Throwable failure) {
                    answer.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException full) {
            return CompletableFuture.failedFuture(new RequestRejectedException(HttpStatus.SERVICE_UNAVAILABLE,
                    "too many documents are being read at once: retry in a few seconds"));
        }
        return answer.handle((value, failure) -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
                task.cancel(true);
                throw new DocumentException(DocumentException.Reason.UNREADABLE,
                        "Reading the document took longer than the limit of " + describe(timeout)
                                + ": send a smaller or simpler document, or its text.");
            }
            if (cause != null) {
                throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
            }
            return value;
        });
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
