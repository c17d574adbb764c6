package io.valence.orm.benchmarks.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The machine a run measured on.
 *
 * @param cpu the processor model, as {@code /proc/cpuinfo} names it (or "unknown")
 * @param cores processors available to the JVM
 * @param memoryGib physical memory
 * @param jdk JVM name and runtime version
 * @param os operating system and architecture
 * @param postgres the server's {@code version()}
 * @param postgresProvider where the server came from (embedded, container or URL)
 * @param load the 1-, 5- and 15-minute load averages at the start and at the end of the run: other
 *     work on the machine shows up here and in the spreads
 */
public record Machine(
        String cpu,
        int cores,
        double memoryGib,
        String jdk,
        String os,
        String postgres,
        String postgresProvider,
        String load) {

    /**
     * Describes this JVM's machine.
     *
     * @param postgres the server's version string
     * @param postgresProvider where the server came from
     * @param load the load averages during the run
     * @return the description
     */
    public static Machine describe(String postgres, String postgresProvider, String load) {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize()
                : Runtime.getRuntime().maxMemory();
        return new Machine(
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                memory / (1024.0 * 1024 * 1024),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                postgres,
                postgresProvider,
                load);
    }

    /**
     * The load averages now, as {@code /proc/loadavg} gives them.
     *
     * @return e.g. {@code 1.02 0.80 0.54}, or "unknown"
     */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown";
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
