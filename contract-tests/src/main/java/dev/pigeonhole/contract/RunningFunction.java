package dev.pigeonhole.contract;

import java.util.function.Function;

/** A function started on one runtime by a {@link FunctionRuntime}, answering contract requests until closed. */
public interface RunningFunction extends AutoCloseable {

    ContractResponse send(ContractRequest request);

    /** As {@link #send}, for a client that streams its body in chunks (no Content-Length). */
    ContractResponse sendWithoutContentLength(ContractRequest request);

    @Override
    void close();

    /** A running function that {@code send} and {@code sendWithoutContentLength} reach, stopped by {@code stop}. */
    static RunningFunction of(Function<ContractRequest, ContractResponse> send,
                              Function<ContractRequest, ContractResponse> sendWithoutContentLength, Runnable stop) {
        return new RunningFunction() {
            @Override
            public ContractResponse send(ContractRequest request) {
                return send.apply(request);
            }

            @Override
            public ContractResponse sendWithoutContentLength(ContractRequest request) {
                return sendWithoutContentLength.apply(request);
            }

            @Override
            public void close() {
                stop.run();
            }
        };
    }
}
