package io.valence.examples.quickstart;

import io.valence.orm.testkit.RecordedStatement;
import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.StatementRecorder;
import java.io.PrintStream;

/** Prints the walk-through: a heading per step, the statements the step sent, and its outcome. */
final class Narrator {
    private static final int WIDTH = 100;

    private final PrintStream out;
    private final StatementRecorder recorder;
    private int step;

    Narrator(PrintStream out, StatementRecorder recorder) {
        this.out = out;
        this.recorder = recorder;
    }

    /** Starts a step: prints its heading and forgets earlier statements. */
    void step(String title, String explanation) {
        recorder.reset();
        out.println();
        out.println("── " + (++step) + ". " + title + " " + "─".repeat(Math.max(3, WIDTH - title.length() - 8)));
        out.println("   " + explanation);
    }

    /** Prints the statements sent since the step began (transaction control as BEGIN/COMMIT). */
    void statements() {
        int count = 0;
        for (RecordedStatement statement : recorder.statements()) {
            String sql = statement.sql().replaceAll("\\s+", " ");
            String shown = sql.length() > WIDTH + 40 ? sql.substring(0, WIDTH + 37) + "..." : sql;
            String tag = statement.kind() == StatementKind.TRANSACTION ? "  tx  " : "  SQL ";
            out.println(tag + shown + (statement.bindings() > 1 ? "   [" + statement.bindings() + " bindings]" : ""));
            if (statement.kind() != StatementKind.TRANSACTION) {
                count++;
            }
        }
        out.println("        (" + count + (count == 1 ? " statement)" : " statements)"));
        recorder.reset();
    }

    /** The first statement sent since the step began whose SQL contains {@code fragment}, or "none". */
    String firstSql(String fragment) {
        return recorder.statements().stream().map(statement -> statement.sql().replaceAll("\\s+", " "))
                .filter(sql -> sql.contains(fragment)).findFirst().orElse("none");
    }

    /** Prints an outcome line. */
    void outcome(String text) {
        out.println("   →  " + text);
    }
}
