package io.valence.orm.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link BenchmarkMain} was asked to run, from its arguments:
 * {@code [--quick] [--rounds N] [--workloads W1,W3] [--contenders raw,valence] [--results DIR]}.
 *
 * @param quick shorter warm-up and measurement (for a first look, not for the record)
 * @param rounds how many times W1–W4, W8 and W9 run every contender, interleaved, so that other load on the
 *     machine falls on all contenders alike
 * @param workloads the workloads to run
 * @param contenders the contenders to run
 * @param resultsDirectory where the report and chart go
 */
public record RunSettings(
        boolean quick, int rounds, List<Workload> workloads, List<ContenderKind> contenders, Path resultsDirectory) {

    /**
     * Rounds of a full run. The machine goes through slow phases that last longer than one fork
     * (docs/benchmarks.md, Workloads); with 3 rounds, two forks of one contender landing in such a
     * phase decided a workload's median, with 5 it takes three.
     */
    public static final int DEFAULT_ROUNDS = 5;

    /**
     * Copies the lists.
     *
     * @param quick shorter iterations
     * @param rounds rounds of W1–W4, W8, W9, at least 1
     * @param workloads workloads
     * @param contenders contenders
     * @param resultsDirectory output directory
     */
    public RunSettings {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, was " + rounds);
        }
        workloads = List.copyOf(workloads);
        contenders = List.copyOf(contenders);
    }

    /**
     * Parses the arguments; without any, everything is run in full ({@value #DEFAULT_ROUNDS} rounds,
     * one in quick mode) and the report goes to
     * {@code benchmarks/results} (or {@code results} when run inside the module's directory).
     *
     * @param args the command-line arguments
     * @return the settings
     * @throws IllegalArgumentException for an unknown argument, workload or contender
     */
    public static RunSettings parse(String... args) {
        boolean quick = false;
        Integer rounds = null;
        List<Workload> workloads = List.of(Workload.values());
        List<ContenderKind> contenders = List.of(ContenderKind.values());
        Path results = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "results") : Path.of("results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
                case "--workloads" -> workloads = split(value(args, ++i)).stream().map(Workload::valueOf).toList();
                case "--contenders" -> contenders = split(value(args, ++i)).stream().map(ContenderKind::of).toList();
                case "--results" -> results = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i]
                        + "'; use [--quick] [--rounds N] [--workloads W1,W2,W3,W4,W5,W6,W7,W8,W9] [--contenders raw,valence,hibernate,spring]"
                        + " [--results DIR]");
            }
        }
        return new RunSettings(
                quick, rounds != null ? rounds : quick ? 1 : DEFAULT_ROUNDS, workloads, contenders, results);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
