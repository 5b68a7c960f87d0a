package dev.pigeonhole.model;

import java.util.List;

/** A small fixed three-topic corpus for golden tests. */
public final class TinyCorpus {

    public static final List<String> LABELS = List.of("Science", "Sport", "Informatique");

    public static final List<String> TEXTS = List.of(
            "the rocket reached orbit and the space probe sent data",
            "astronomers observed the planet orbit with a telescope",
            "the vaccine trial measured the immune response of patients",
            "physics experiment measured particle energy in the lab",
            "the team won the hockey game in overtime",
            "the pitcher threw a perfect baseball game",
            "fans cheered as the team scored a goal in the final",
            "the coach praised the players after the match",
            "the compiler reported a syntax error in the program",
            "install the driver and reboot the windows computer",
            "the graphics card renders the image on the monitor",
            "my hard disk crashed and the software lost the files");

    public static final int[] Y = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};

    private TinyCorpus() {
    }
}
