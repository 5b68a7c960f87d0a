package dev.pigeonhole.serving;

/** A request needed the served model but none is loaded; the message says why and what to do. */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String reason) {
        super(reason);
    }
}
