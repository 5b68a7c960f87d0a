package dev.pigeonhole.serving;

/**
 * A request made for the other kind of model: text sent to a model of rows of numbers, or features sent to a text
 * model. The message says what the served model expects.
 */
public class WrongModelKindException extends RuntimeException {

    public WrongModelKindException(String message) {
        super(message);
    }
}
