package io.jvectorize.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The first-call sequences as a chart: for each size a panel of time per call (log scale)
 * against the call's number (log scale), a line per variant, so the warm-up window and the
 * switch to compiled code show as steps.
 */
final class FirstCallsChart {
    private static final Paint[] COLORS = {Color.BLACK, new Color(0x21, 0x66, 0xac), new Color(0x92, 0xc5, 0xde),
        new Color(0xb2, 0x18, 0x2b), new Color(0xf4, 0xa5, 0x82)};

    private FirstCallsChart() {}

    /**
     * @param panels for each panel title, the variants' labels and per-call times in ms, in the legend's order
     */
    static void write(String title, Map<String, Map<String, double[]>> panels, Path png) throws IOException {
        LogAxis calls = powersOfTen(new LogAxis("call number"), new DecimalFormat("#,##0"));
        calls.setSmallestValue(1);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(calls);
        plot.setGap(14);
        for (Map.Entry<String, Map<String, double[]>> panel : panels.entrySet()) {
            XYSeriesCollection dataset = new XYSeriesCollection();
            for (Map.Entry<String, double[]> variant : panel.getValue().entrySet()) {
                XYSeries series = new XYSeries(variant.getKey(), false, true);
                double[] t = variant.getValue();
                for (int c = 0; c < t.length; c++) {
                    series.add(c + 1, Math.max(t[c], 1e-4));
                }
                dataset.addSeries(series);
            }
            LogAxis millis = powersOfTen(new LogAxis("ms per call, " + panel.getKey()), new DecimalFormat("0.####"));
            millis.setSmallestValue(1e-4);
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            for (int s = 0; s < dataset.getSeriesCount(); s++) {
                renderer.setSeriesPaint(s, COLORS[s % COLORS.length]);
                renderer.setSeriesStroke(s, new BasicStroke(1.2f));
            }
            XYPlot sub = new XYPlot(dataset, null, millis, renderer);
            sub.setBackgroundPaint(Color.WHITE);
            sub.setRangeGridlinePaint(Color.LIGHT_GRAY);
            sub.setDomainGridlinePaint(Color.LIGHT_GRAY);
            plot.add(sub);
        }
        // One legend: every panel has the same variants.
        plot.setFixedLegendItems(((XYPlot) plot.getSubplots().get(0)).getLegendItems());
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(title));
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 300 * panels.size() + 120);
    }

    /** Ticks at the powers of ten, written as plain numbers. */
    private static LogAxis powersOfTen(LogAxis axis, DecimalFormat format) {
        axis.setTickUnit(new NumberTickUnit(1.0));
        axis.setNumberFormatOverride(format);
        axis.setMinorTickMarksVisible(true);
        return axis;
    }
}
