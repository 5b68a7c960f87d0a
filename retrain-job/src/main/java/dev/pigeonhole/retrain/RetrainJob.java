package dev.pigeonhole.retrain;

import picocli.CommandLine;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * Entry point of the retrain job: {@code train} publishes a model version, {@code retrain} serves retrain requests,
 * {@code rollback} moves a channel back to its previous version, {@code promote} moves one to another's version,
 * {@code compare} benchmarks candidates.
 */
@Command(name = "pigeonhole", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Trains, evaluates and publishes Pigeonhole text classifiers.",
        subcommands = {TrainCommand.class, RetrainCommand.class, RollbackCommand.class, PromoteCommand.class, CompareCommand.class, CommandLine.HelpCommand.class})
public final class RetrainJob {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (0 success, 1 failure, 2 usage error). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output and error streams. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(CommandLine.defaultFactory(), out, err, args);
    }

    /** Runs the command line with commands made by {@code factory} (tests use it to hand commands a special store). */
    static int run(CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new RetrainJob(), factory)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new FailureReporter())
                .execute(args);
    }
}
