package io.valence.orm.benchmarks.report;

import io.valence.orm.benchmarks.ContenderKind;
import io.valence.orm.benchmarks.Workload;

/**
 * What r2dbc-proxy saw during one operation of a workload.
 *
 * @param workload the workload
 * @param contender the contender
 * @param statements executions other than transaction control
 * @param roundTrips all executions, {@code BEGIN}/{@code COMMIT} included, but not those pipelined behind transaction control
 * @param inserts of the statements, {@code INSERT}s
 * @param selects of the statements, {@code SELECT}s
 * @param updates of the statements, {@code UPDATE}s
 * @param perOperation what one operation is, e.g. "one read" for W3, whose figures are per read
 */
public record StatementCount(
        Workload workload,
        ContenderKind contender,
        double statements,
        double roundTrips,
        double inserts,
        double selects,
        double updates,
        String perOperation) {}
