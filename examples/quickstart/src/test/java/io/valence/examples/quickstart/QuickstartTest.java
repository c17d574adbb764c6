package io.valence.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command runs this walk-through; the test keeps it working. */
class QuickstartTest {

    @Test
    void walkThroughShowsEveryStepWithItsStatementsAndOutcome() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Quickstart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);
        assertThat(output)
                .contains("── 11. fanOut")
                .contains("── 13. A work queue")
                .contains("first lines: [ChildLine[id=1, parentValue=p1]")
                .contains("children per parent: [ParentSize[parent=p1, count=4], ParentSize[parent=p2, count=4]")
                .contains("together 10 of 10")
                .contains("LIMIT $2 FOR UPDATE OF t0 SKIP LOCKED")
                .contains("0 jobs left pending, each done once")
                .contains("ids came back to the right objects")
                .contains("first == second: true")
                .contains("other session saw 0 row(s) after flush(), 1 after commit()")
                .contains("loaded.value = 'new-value', same instance: true")
                .contains("first call created: true, second created: false, same row: true")
                .contains("every child.parent is its parent object: true")
                .contains("Parent.children was not loaded")
                .contains("committed without a unique violation")
                .contains("concurrent operations are not permitted")
                .contains("branch 1: parent 'p1', branch 2: 12 children")
                .contains("SQL UPDATE \"storage\" AS x SET \"value\" = v.c1")
                .contains("= ANY($1")
                .contains("binds: $1=[");
        assertThat(output.lines().filter(line -> line.matches("  (SQL|tx|DDL) .*| {6,}\\S.*"))).as("statements are wrapped, not cut").allSatisfy(line -> assertThat(line.length())
                .isLessThanOrEqualTo(120)).noneMatch(line -> line.endsWith("..."));
    }
}
