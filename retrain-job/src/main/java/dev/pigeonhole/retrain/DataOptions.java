package dev.pigeonhole.retrain;

import dev.pigeonhole.data.Dataset;
import dev.pigeonhole.data.DatasetReader;
import dev.pigeonhole.training.tabular.TabularDataset;
import dev.pigeonhole.training.tabular.TabularDatasetReader;
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

    @Option(names = "--kind", defaultValue = "auto",
            description = "text, tabular (every column but the label is a number), or auto: tabular when the data has "
                    + "no text field (default: ${DEFAULT-VALUE}).")
    String kind;

    /** True when the data set is read as rows of numbers: --kind tabular, or auto and no text field in the data. */
    boolean tabular() {
        return switch (kind) {
            case "tabular" -> true;
            case "text" -> false;
            case "auto" -> TabularDatasetReader.lacksField(data, textField);
            default -> throw new IllegalArgumentException("--kind must be text, tabular or auto, got '" + kind + "'");
        };
    }

    TabularDataset readTabular() {
        return new TabularDatasetReader(labelField).read(data);
    }

    Dataset read() {
        return new DatasetReader(textField, labelField).read(data);
    }
}
