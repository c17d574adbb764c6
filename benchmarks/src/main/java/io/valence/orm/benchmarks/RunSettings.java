package io.valence.orm.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link BenchmarkMain} was asked to run, from its arguments:
 * {@code [--quick] [--workloads W1,W3] [--contenders raw,valence] [--results DIR]}.
 *
 * @param quick shorter warm-up and measurement (for a first look, not for the record)
 * @param workloads the workloads to run
 * @param contenders the contenders to run
 * @param resultsDirectory where the report and chart go
 */
public record RunSettings(boolean quick, List<Workload> workloads, List<ContenderKind> contenders, Path resultsDirectory) {

    /**
     * Copies the lists.
     *
     * @param quick shorter iterations
     * @param workloads workloads
     * @param contenders contenders
     * @param resultsDirectory output directory
     */
    public RunSettings {
        workloads = List.copyOf(workloads);
        contenders = List.copyOf(contenders);
    }

    /**
     * Parses the arguments; without any, everything is run in full and the report goes to
     * {@code benchmarks/results} (or {@code results} when run inside the module's directory).
     *
     * @param args the command-line arguments
     * @return the settings
     * @throws IllegalArgumentException for an unknown argument, workload or contender
     */
    public static RunSettings parse(String... args) {
        boolean quick = false;
        List<Workload> workloads = List.of(Workload.values());
        List<ContenderKind> contenders = List.of(ContenderKind.values());
        Path results = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "results") : Path.of("results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--workloads" -> workloads = split(value(args, ++i)).stream().map(Workload::valueOf).toList();
                case "--contenders" -> contenders = split(value(args, ++i)).stream().map(ContenderKind::of).toList();
                case "--results" -> results = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i]
                        + "'; use [--quick] [--workloads W1,W2,W3,W4,W5] [--contenders raw,valence,hibernate,spring]"
                        + " [--results DIR]");
            }
        }
        return new RunSettings(quick, workloads, contenders, results);
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
