package dev.pigeonhole.retrain;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.data.DatasetReader;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options that name a data set and its fields, shared by the commands that read one. */
final class DataOptions {

    @Option(names = "--data", defaultValue = "data/20news/train.jsonl.gz",
            description = "JSON Lines or CSV file, optionally gzipped (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--text-field", defaultValue = "text", description = "Field holding the text (default: ${DEFAULT-VALUE}).")
    String textField;

    @Option(names = "--label-field", defaultValue = "category",
            description = "Field holding the label (default: ${DEFAULT-VALUE}).")
    String labelField;

    Dataset read() {
        return new DatasetReader(textField, labelField).read(data);
    }
}
