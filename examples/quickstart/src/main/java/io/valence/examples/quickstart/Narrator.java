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

    /**
     * Prints the statements sent since the step began, whole and wrapped, each with its bound values
     * (transaction control as BEGIN/COMMIT).
     */
    void statements() {
        int count = 0;
        for (RecordedStatement statement : recorder.statements()) {
            String tag = statement.kind() == StatementKind.TRANSACTION ? "  tx  " : "  SQL ";
            printWrapped(tag, statement.sql().replaceAll("\\s+", " "));
            if (!statement.boundValues().isEmpty()) {
                printWrapped("      binds: ", statement.boundValuesText());
            }
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

    /** Prints a DDL statement, whole and wrapped. */
    void ddl(String statement) {
        printWrapped("  DDL ", statement.replaceAll("\\s+", " "));
    }

    /** Prints text after a tag, cut at spaces into lines of at most {@link #WIDTH} characters, indented under the text. */
    private void printWrapped(String tag, String text) {
        String indent = " ".repeat(tag.length() + 2);
        StringBuilder line = new StringBuilder(tag);
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (line.length() - lineStart + word.length() + 1 > WIDTH && line.length() - lineStart > indent.length()) {
                out.println(line);
                line.setLength(0);
                line.append(indent);
                lineStart = 0;
            } else if (line.length() > tag.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }

    /** Prints an outcome line. */
    void outcome(String text) {
        out.println("   →  " + text);
    }
}
