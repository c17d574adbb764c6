package io.valence.orm.benchmarks.report;

import io.valence.orm.benchmarks.ContenderKind;
import io.valence.orm.benchmarks.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Writes {@code results/<date>.md}: the machine and command, a summary of ratios to raw R2DBC
 * with the chart, each workload's median and spread per contender, W5's heap, the statement
 * counts, how Valence fares against the targets of issue 8, and how its ratios on the rich model
 * (W8, W9) compare with those on the plain one (W1, W2), the target of issue 21.
 *
 * @param date the day of the run
 * @param command the exact command that produced it
 * @param mode e.g. "full mode, 5 round(s) of W1–W4, W8, W9"
 * @param elapsed how long the run took
 * @param machine where it ran
 * @param ratios the measurements
 * @param counts the statement counts
 * @param chartFile the chart's file name, beside the report
 */
public record MarkdownReport(
        LocalDate date,
        String command,
        String mode,
        Duration elapsed,
        Machine machine,
        Ratios ratios,
        List<StatementCount> counts,
        String chartFile) {

    private static final String PEAK = "peakLiveMib";
    private static final List<Workload> TIMED = List.of(Workload.W1, Workload.W2, Workload.W3, Workload.W4);
    /** Workloads of raw R2DBC and Valence with one measurement each, listed when they ran. */
    private static final List<Workload> RAW_AND_VALENCE_TIMED = List.of(Workload.W6, Workload.W7, Workload.W8, Workload.W9);
    /** Issue 21: Valence's ratio on the rich model within this much of its ratio on the plain one. */
    private static final double RICH_TOLERANCE = 0.10;

    /**
     * Writes the report.
     *
     * @param file where to write it
     * @throws IOException when it cannot be written
     */
    public void write(Path file) throws IOException {
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    /**
     * The report's text.
     *
     * @return Markdown
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        header(out);
        summary(out);
        targets(out);
        richModel(out);
        for (Workload workload : TIMED) {
            workload(out, workload);
        }
        for (Workload workload : Workload.RICH_TO_PLAIN.keySet().stream().sorted().toList()) {
            if (ratios.find(workload, ContenderKind.RAW, 0).isPresent()) {
                workload(out, workload);
            }
        }
        stream(out);
        statements(out);
        out.append("\nHow to run, what is measured and why it is fair: [docs/benchmarks.md](../../docs/benchmarks.md).\n");
        return out.toString();
    }

    private void header(StringBuilder out) {
        out.append("# Benchmark results, ").append(date).append("\n\n");
        out.append("Valence against raw R2DBC, Hibernate Reactive and Spring Data R2DBC, one JMH run (")
                .append(mode)
                .append(", ")
                .append(elapsed.toMinutes())
                .append(" min). Every ratio divides a median by raw R2DBC's median from this same run.\n\n");
        out.append("| | |\n|---|---|\n");
        row(out, "command", "`" + command + "`");
        row(out, "CPU", machine.cpu() + ", " + machine.cores() + " cores available");
        row(out, "memory", format("%.1f GiB", machine.memoryGib()));
        row(out, "JDK", machine.jdk());
        row(out, "OS", machine.os());
        row(out, "load average (1, 5, 15 min)", machine.load());
        row(out, "PostgreSQL", machine.postgres() + " (" + machine.postgresProvider() + ", same server for every contender)");
        out.append('\n');
    }

    private void summary(StringBuilder out) {
        out.append("## Summary: median time relative to raw R2DBC\n\n");
        out.append("| workload |");
        for (ContenderKind contender : ContenderKind.values()) {
            out.append(' ').append(contender.displayName()).append(" |");
        }
        out.append("\n|---|").append("---:|".repeat(ContenderKind.values().length)).append('\n');
        for (Workload workload : TIMED) {
            out.append("| ").append(workload).append(" |");
            for (ContenderKind contender : ContenderKind.values()) {
                out.append(' ').append(ratioCell(workload, contender, 0)).append(" |");
            }
            out.append('\n');
        }
        for (long rows : ratios.streamRows()) {
            out.append("| W5, ").append(format("%,d", rows)).append(" rows |");
            for (ContenderKind contender : ContenderKind.values()) {
                out.append(' ').append(ratioCell(Workload.W5, contender, rows)).append(" |");
            }
            out.append('\n');
        }
        for (Workload workload : RAW_AND_VALENCE_TIMED) {
            if (ratios.find(workload, ContenderKind.RAW, 0).isPresent()) {
                out.append("| ").append(workload).append(" |");
                for (ContenderKind contender : ContenderKind.values()) {
                    out.append(' ').append(ratioCell(workload, contender, 0)).append(" |");
                }
                out.append('\n');
            }
        }
        out.append("\nRaw R2DBC's cell shows its median time per operation.\n\n");
        out.append("![ratios to raw R2DBC](").append(chartFile).append(")\n\n");
    }

    private String ratioCell(Workload workload, ContenderKind contender, long rows) {
        if (contender == ContenderKind.RAW) {
            return ratios.find(workload, contender, rows).map(m -> format("1 (%.1f ms)", m.median())).orElse("–");
        }
        OptionalDouble ratio = ratios.ratio(workload, contender, rows);
        return ratio.isPresent() ? format("%.2f", ratio.getAsDouble()) : "–";
    }

    private void targets(StringBuilder out) {
        out.append("## Valence against the targets of issue 8\n\n");
        out.append("| workload | Valence / raw | target | met | faster than Hibernate Reactive | faster than Spring Data R2DBC |\n");
        out.append("|---|---:|---:|:---:|:---:|:---:|\n");
        for (Workload workload : TIMED) {
            double target = workload == Workload.W3 ? 1.15 : 1.3;
            OptionalDouble valence = ratios.ratio(workload, ContenderKind.VALENCE, 0);
            out.append("| ").append(workload).append(" | ")
                    .append(valence.isPresent() ? format("%.2f", valence.getAsDouble()) : "–")
                    .append(" | ≤ ").append(format("%.2f", target)).append(" | ")
                    .append(valence.isPresent() ? mark(valence.getAsDouble() <= target) : "–").append(" | ")
                    .append(faster(workload, ContenderKind.HIBERNATE)).append(" | ")
                    .append(faster(workload, ContenderKind.SPRING)).append(" |\n");
        }
        out.append('\n');
    }

    private void richModel(StringBuilder out) {
        List<Workload> rich = Workload.RICH_TO_PLAIN.keySet().stream()
                .sorted()
                .filter(workload -> ratios.ratio(workload, ContenderKind.VALENCE, 0).isPresent())
                .toList();
        if (rich.isEmpty()) {
            return;
        }
        out.append("## Rich model against the plain one (issue 21)\n\n");
        out.append("W8 and W9 are W1 and W2 on a parent with an embedded address (three columns) and a jsonb ")
                .append("document; raw R2DBC writes and reads the same columns and parses the document with the same ")
                .append("ObjectMapper. Target: Valence's ratio to raw R2DBC on the rich model within ")
                .append(format("%.0f %%", RICH_TOLERANCE * 100)).append(" of its ratio on the plain model (difference: rich ÷ plain − 1).\n\n");
        out.append("| rich | plain | Valence / raw, rich | Valence / raw, plain | difference | met |\n");
        out.append("|---|---|---:|---:|---:|:---:|\n");
        for (Workload workload : rich) {
            Workload plain = Workload.RICH_TO_PLAIN.get(workload);
            double richRatio = ratios.ratio(workload, ContenderKind.VALENCE, 0).getAsDouble();
            OptionalDouble plainRatio = ratios.ratio(plain, ContenderKind.VALENCE, 0);
            out.append("| ").append(workload).append(" | ").append(plain).append(" | ")
                    .append(format("%.2f", richRatio)).append(" | ");
            if (plainRatio.isEmpty()) {
                out.append("– | – | – |\n");
                continue;
            }
            double difference = richRatio / plainRatio.getAsDouble() - 1;
            out.append(format("%.2f", plainRatio.getAsDouble())).append(" | ")
                    .append(format("%+.1f %%", difference * 100)).append(" | ")
                    .append(mark(Math.abs(difference) <= RICH_TOLERANCE)).append(" |\n");
        }
        out.append('\n');
    }

    private String faster(Workload workload, ContenderKind peer) {
        OptionalDouble valence = ratios.ratio(workload, ContenderKind.VALENCE, 0);
        OptionalDouble other = ratios.ratio(workload, peer, 0);
        if (valence.isEmpty() || other.isEmpty()) {
            return "–";
        }
        return mark(valence.getAsDouble() < other.getAsDouble());
    }

    private static String mark(boolean met) {
        return met ? "yes" : "**no**";
    }

    private void workload(StringBuilder out, Workload workload) {
        out.append("## ").append(workload).append(": ").append(workload.description()).append("\n\n");
        out.append("| contender | median ms/op | p25–p75 ms | min–max ms | samples | × raw |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (ContenderKind contender : ContenderKind.values()) {
            ratios.find(workload, contender, 0).ifPresent(m -> out.append("| ")
                    .append(contender.displayName()).append(" | ")
                    .append(format("%.2f", m.median())).append(" | ")
                    .append(format("%.2f–%.2f", m.p25(), m.p75())).append(" | ")
                    .append(format("%.2f–%.2f", m.min(), m.max())).append(" | ")
                    .append(m.samples()).append(" | ")
                    .append(ratioCell(workload, contender, 0)).append(" |\n"));
        }
        out.append('\n');
    }

    private void stream(StringBuilder out) {
        if (ratios.streamRows().isEmpty()) {
            return;
        }
        out.append("## W5: ").append(Workload.W5.description()).append("\n\n");
        out.append("Peak live heap: heap in use after a forced collection at half and at all of the rows, while the ")
                .append("stream and its session are open (the larger of the two, mean over the measured operations). ")
                .append("Live before: the same right before the stream started. Each operation's time includes ")
                .append("those collections.\n\n");
        out.append("| contender | rows | median ms/op | min–max ms | peak live heap MiB | live before MiB | × raw |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (ContenderKind contender : List.of(ContenderKind.RAW, ContenderKind.VALENCE)) {
            for (long rows : ratios.streamRows()) {
                ratios.find(Workload.W5, contender, rows).ifPresent(m -> out.append("| ")
                        .append(contender.displayName()).append(" | ")
                        .append(format("%,d", rows)).append(" | ")
                        .append(format("%.1f", m.median())).append(" | ")
                        .append(format("%.1f–%.1f", m.min(), m.max())).append(" | ")
                        .append(format("%.1f", m.secondary().getOrDefault(PEAK, Double.NaN))).append(" | ")
                        .append(format("%.1f", m.secondary().getOrDefault("baselineMib", Double.NaN))).append(" | ")
                        .append(ratioCell(Workload.W5, contender, rows)).append(" |\n"));
            }
        }
        out.append('\n');
        List<Long> rows = ratios.streamRows();
        if (rows.size() >= 2) {
            long fewest = rows.get(0);
            long most = rows.get(rows.size() - 1);
            for (ContenderKind contender : List.of(ContenderKind.RAW, ContenderKind.VALENCE)) {
                var low = ratios.find(Workload.W5, contender, fewest);
                var high = ratios.find(Workload.W5, contender, most);
                if (low.isPresent() && high.isPresent()) {
                    double growth = high.get().secondary().getOrDefault(PEAK, Double.NaN)
                            - low.get().secondary().getOrDefault(PEAK, Double.NaN);
                    out.append("- ").append(contender.displayName())
                            .append(format(": peak live heap %+.1f MiB from %,d to %,d rows, about %.0f bytes per extra row.\n",
                                    growth, fewest, most, growth * 1024 * 1024 / (most - fewest)));
                }
            }
            out.append('\n');
        }
    }

    private void statements(StringBuilder out) {
        out.append("## Statements and round trips per operation (r2dbc-proxy)\n\n");
        out.append("Counted in a separate pass after the timed run, through the testkit's `StatementRecorder` wrapped ")
                .append("under each R2DBC contender's pool, at the sizes above. Round trips include transaction control ")
                .append("(`BEGIN`, `COMMIT`). Hibernate Reactive talks to PostgreSQL through the Vert.x client, which ")
                .append("r2dbc-proxy cannot observe.\n\n");
        out.append("| workload | contender | statements | round trips | INSERT | SELECT | UPDATE | per |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---|\n");
        for (StatementCount count : counts) {
            out.append("| ").append(count.workload()).append(" | ")
                    .append(count.contender().displayName()).append(" | ")
                    .append(number(count.statements())).append(" | ")
                    .append(number(count.roundTrips())).append(" | ")
                    .append(number(count.inserts())).append(" | ")
                    .append(number(count.selects())).append(" | ")
                    .append(number(count.updates())).append(" | ")
                    .append(count.perOperation()).append(" |\n");
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? format("%,d", (long) value) : format("%.2f", value);
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
