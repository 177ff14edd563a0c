package io.jvectorize.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's chart: a horizontal bar per variant and size, its length the variant's time
 * relative to {@code x + 1} at that size, on a log scale (ratios span from below 1, for the
 * parallel kernels, to the reflective fallback's tens), with a line at 1, the speed of memory.
 */
final class Chart {
    /** Light to dark with size: 1e3, 1e5, 1e7 elements. */
    private static final Paint[] SIZE_COLORS = {
        new Color(0x9e, 0xca, 0xe1), new Color(0x42, 0x92, 0xc6), new Color(0x08, 0x30, 0x6b)};
    private static final int WIDTH = 1400;

    private Chart() {}

    static void write(Report report, Path png) throws IOException {
        JFreeChart chart = draw(report);
        int height = 170 + report.rows().size() * (18 * report.sizes().size() + 14);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, height);
    }

    static JFreeChart draw(Report report) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Report.Row row : report.rows()) {
            for (int size : report.sizes()) {
                double ratio = report.ratio(row, size);
                dataset.addValue(Double.isNaN(ratio) ? null : ratio, sizeLabel(size), row.label());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(
                "jvectorize on " + report.machineText() + ", " + report.jdkText(),
                null, "time per call relative to x + 1 at the same size (log scale; lower is faster)",
                dataset, PlotOrientation.HORIZONTAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        TextTitle subtitle = new TextTitle("poly and the Gaussian on float64 arrays, then Compute on other types; each"
                + " variant against the float64 copy kernel x + 1 (one read and one write per element). "
                + report.settingsText() + ".",
                new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        subtitle.setPadding(new RectangleInsets(4, 0, 8, 0));
        chart.addSubtitle(subtitle);

        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xbb, 0xbb, 0xbb));
        plot.setRangeMinorGridlinesVisible(true);
        plot.setRangeMinorGridlinePaint(new Color(0xe4, 0xe4, 0xe4));
        plot.setOutlineVisible(false);

        double[] range = report.ratioRange();
        LogAxis axis = new RatioAxis(plot.getRangeAxis().getLabel());
        axis.setMinorTickMarksVisible(true);
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        axis.setRange(niceBelow(range[0] / 1.3), range[1] * 2.2);
        plot.setRangeAxis(axis);

        CategoryAxis categories = plot.getDomainAxis();
        categories.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        categories.setCategoryMargin(0.25);
        categories.setLowerMargin(0.01);
        categories.setUpperMargin(0.035);  // room at the bottom for the marker's label

        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.04);
        for (int series = 0; series < dataset.getRowCount(); series++) {
            renderer.setSeriesPaint(series, SIZE_COLORS[Math.min(series, SIZE_COLORS.length - 1)]);
        }
        renderer.setDefaultItemLabelGenerator(new RatioLabels());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));

        ValueMarker memory = new ValueMarker(1.0, new Color(0xc0, 0x39, 0x2b), new BasicStroke(2f));
        memory.setLabel(" x + 1: the speed of memory");
        memory.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        memory.setLabelPaint(new Color(0xc0, 0x39, 0x2b));
        memory.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        memory.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        memory.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        memory.setLabelOffset(new RectangleInsets(2, 2, 4, 2));
        plot.addRangeMarker(memory);
        return chart;
    }

    /** "1,000 elements". */
    static String sizeLabel(int size) {
        return String.format(Locale.ROOT, "%,d elements", size);
    }

    /** The largest of ..., 0.1, 0.2, 0.5, 1, 2, 5, ... not above {@code value}. */
    static double niceBelow(double value) {
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {5, 2, 1}) {
            if (step * decade <= value) {
                return step * decade;
            }
        }
        return decade;
    }

    /** A log axis with ticks at 1, 2 and 5 times the powers of ten, labelled as ratios: "0.5×", "1×", "20×". */
    private static final class RatioAxis extends LogAxis {
        private static final long serialVersionUID = 1L;

        RatioAxis(String label) {
            super(label);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
                    : edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER
                    : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
            List<NumberTick> ticks = new ArrayList<>();
            double lower = getLowerBound();
            double upper = getUpperBound();
            for (double decade = Math.pow(10, Math.floor(Math.log10(lower))); decade <= upper; decade *= 10) {
                for (int step = 1; step <= 9; step++) {
                    double value = step * decade;
                    if (value < lower * (1 - 1e-9) || value > upper) {
                        continue;
                    }
                    boolean major = step == 1 || step == 2 || step == 5;
                    ticks.add(new NumberTick(major ? TickType.MAJOR : TickType.MINOR, value,
                            major ? new DecimalFormat("0.###").format(value) + "×" : "", anchor, anchor, 0.0));
                }
            }
            return ticks;
        }
    }

    /** Each bar's ratio, as the table writes it. */
    private static final class RatioLabels extends StandardCategoryItemLabelGenerator {
        private static final long serialVersionUID = 1L;

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number value = dataset.getValue(row, column);
            return value == null ? null : Report.ratioText(value.doubleValue());
        }
    }
}
