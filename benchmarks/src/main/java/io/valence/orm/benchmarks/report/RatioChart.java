package io.valence.orm.benchmarks.report;

import io.valence.orm.benchmarks.ContenderKind;
import io.valence.orm.benchmarks.Workload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Draws the run's ratios as a PNG with XChart: W1–W4 time relative to raw R2DBC per contender
 * (logarithmic, so 1.2 and 25 both read), and W5's peak live heap at each row count.
 */
public final class RatioChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    private RatioChart() {}

    /**
     * Writes the chart.
     *
     * @param ratios the run's measurements
     * @param png where to write, ending in {@code .png}
     * @throws IOException when the file cannot be written
     */
    public static void write(Ratios ratios, Path png) throws IOException {
        List<Chart<?, ?>> charts = new ArrayList<>();
        charts.add(timeRatios(ratios));
        if (!ratios.streamRows().isEmpty()) {
            charts.add(streamHeap(ratios));
        }
        String file = png.toString();
        BitmapEncoder.saveBitmap(charts, charts.size(), 1, file.substring(0, file.length() - ".png".length()),
                BitmapEncoder.BitmapFormat.PNG);
    }

    private static CategoryChart timeRatios(Ratios ratios) {
        List<String> workloads = List.of("W1", "W2", "W3", "W4").stream()
                .filter(name -> ratios.find(Workload.valueOf(name), ContenderKind.RAW, 0).isPresent())
                .toList();
        Map<ContenderKind, List<Double>> series = new LinkedHashMap<>();
        for (ContenderKind contender : ContenderKind.values()) {
            List<Double> values = new ArrayList<>();
            for (String name : workloads) {
                OptionalDouble ratio = ratios.ratio(Workload.valueOf(name), contender, 0);
                values.add(ratio.isPresent() ? ratio.getAsDouble() : 0.0);
            }
            if (values.stream().anyMatch(value -> value > 0)) {
                series.put(contender, values);
            }
        }
        // A logarithmic axis cannot show a missing value (0): fall back to a linear one then.
        boolean logarithmic = series.values().stream().flatMap(List::stream).allMatch(value -> value > 0);
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("Median time per operation relative to raw R2DBC (lower is better"
                        + (logarithmic ? ", log scale)" : "; 0 = not run)"))
                .xAxisTitle("workload")
                .yAxisTitle("× raw R2DBC")
                .build();
        style(chart);
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        if (logarithmic) {
            // Bars start at the axis minimum, which XChart puts at 0 unless told otherwise.
            double smallest = series.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).min().orElse(1);
            chart.getStyler().setYAxisMin(Math.min(0.5, smallest * 0.8));
        }
        chart.getStyler().setYAxisDecimalPattern("0.##");
        series.forEach((contender, values) -> chart.addSeries(contender.displayName(), workloads, values));
        return chart;
    }

    private static CategoryChart streamHeap(Ratios ratios) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("W5: peak live heap while streaming (MiB, lower is better; flat across row counts is the goal)")
                .xAxisTitle("rows streamed")
                .yAxisTitle("MiB")
                .build();
        style(chart);
        chart.getStyler().setYAxisDecimalPattern("0");
        List<String> rows = ratios.streamRows().stream().map(count -> String.format("%,d", count)).toList();
        for (ContenderKind contender : List.of(ContenderKind.RAW, ContenderKind.VALENCE)) {
            List<Double> values = new ArrayList<>();
            for (long count : ratios.streamRows()) {
                values.add(ratios.find(Workload.W5, contender, count)
                        .map(m -> m.secondary().getOrDefault("peakLiveMib", 0.0))
                        .orElse(0.0));
            }
            if (values.stream().anyMatch(value -> value > 0)) {
                chart.addSeries(contender.displayName(), rows, values);
            }
        }
        return chart;
    }

    private static void style(CategoryChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("0.00");
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    }
}
