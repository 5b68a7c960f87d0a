package dev.pigeonhole.store;

/** No version has ever been published on the requested channel. */
public class ChannelNotFoundException extends StoreException {

    public ChannelNotFoundException(String message) {
        super(message);
    }
}
