package dev.pigeonhole.training;

/** Receives one line per step of a long job, for people watching it run. */
@FunctionalInterface
public interface Progress {

    Progress SILENT = message -> { };

    void report(String message);
}
