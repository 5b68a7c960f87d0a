package dev.pigeonhole.retrain;

import dev.pigeonhole.data.DatasetException;
import dev.pigeonhole.model.ModelFormatException;
import dev.pigeonhole.store.StoreException;
import picocli.CommandLine;

/** Turns expected failures (bad data, store problems) into one clear line and exit code 1, without a stack trace. */
final class FailureReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult)
            throws Exception {
        if (e instanceof DatasetException || e instanceof StoreException || e instanceof ModelFormatException
                || e instanceof IllegalArgumentException) {
            command.getErr().println("error: " + e.getMessage());
            return 1;
        }
        throw e;
    }
}
