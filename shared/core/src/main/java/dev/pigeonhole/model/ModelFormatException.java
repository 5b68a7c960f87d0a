package dev.pigeonhole.model;

/** Model files that cannot be read as a model, with the file and the reason. */
public class ModelFormatException extends RuntimeException {

    public ModelFormatException(String message) {
        super(message);
    }
}
