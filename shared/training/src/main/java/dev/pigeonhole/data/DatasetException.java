package dev.pigeonhole.data;

/** A data set that cannot be used, with a message that says what to fix. */
public class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
