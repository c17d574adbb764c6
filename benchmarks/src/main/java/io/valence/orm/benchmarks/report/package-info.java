/**
 * The report of a benchmark run: JMH results turned into per-workload medians, spreads and
 * ratios to raw R2DBC ({@link io.valence.orm.benchmarks.report.Measurement}), statement counts,
 * the machine, a Markdown file ({@link io.valence.orm.benchmarks.report.MarkdownReport}) and a
 * chart of the ratios ({@link io.valence.orm.benchmarks.report.RatioChart}).
 */
package io.valence.orm.benchmarks.report;
