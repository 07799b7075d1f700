package org.tesseracrm.reports.internal.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.ui.kit.Chart;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.ReportResult;

/**
 * A report result as the kit's chart draws it, in the builder and on dashboards alike, and the row behind each bar, point or slice (for click-through):
 * <ul>
 * <li>no grouping: one category, "Total";</li>
 * <li>one grouping: a category per row; bars and lines draw a series per measure, pies, donuts and funnels the first
 * measure;</li>
 * <li>two groupings, bars and lines: the first grouping's values as categories, the second's as series, of the first
 * measure (a stacked bar stacks them);</li>
 * <li>two groupings, pies, donuts and funnels: a slice per row, named "first · second", of the first measure.</li>
 * </ul>
 *
 * @param kind the kit's chart kind
 * @param data what the chart draws
 * @param rows the row behind each (series, category), null where there is none
 */
public record ChartModel(Chart.Kind kind, Chart.Data data, List<List<AggregateRow>> rows) {
    /** The category of a report without groupings. */
    static final String TOTAL = "Total";
    /** Joins two groupings' labels in a slice's name. */
    static final String JOIN = " · ";

    /**
     * @param chart a report's chart kind
     * @return the kit's kind; empty for a table or a KPI tile, which are no chart
     */
    public static Optional<Chart.Kind> kind(ChartKind chart) {
        return switch (chart) {
            case BAR -> Optional.of(Chart.Kind.BAR);
            case STACKED_BAR -> Optional.of(Chart.Kind.STACKED_BAR);
            case LINE -> Optional.of(Chart.Kind.LINE);
            case PIE -> Optional.of(Chart.Kind.PIE);
            case DONUT -> Optional.of(Chart.Kind.DONUT);
            case FUNNEL -> Optional.of(Chart.Kind.FUNNEL);
            case TABLE, KPI -> Optional.empty();
        };
    }

    /**
     * @param kind the kit's chart kind
     * @param result a report's result
     * @return the chart of it
     */
    public static ChartModel of(Chart.Kind kind, ReportResult result) {
        List<AggregateRow> rows = result.rows();
        int groups = result.groupHeaders().size();
        List<String> measures = result.measureHeaders();
        if (rows.isEmpty() || measures.isEmpty()) {
            return new ChartModel(kind, Chart.Data.empty(), List.of());
        }
        if (groups == 2 && kind.hasAxes()) {
            return crossed(kind, rows);
        }
        List<String> categories = rows.stream().map(ChartModel::label).toList();
        int seriesCount = kind.hasAxes() ? measures.size() : 1;
        List<Chart.Series> series = new ArrayList<>();
        List<List<AggregateRow>> behind = new ArrayList<>();
        for (int m = 0; m < seriesCount; m++) {
            int measure = m;
            series.add(Chart.Series.of(measures.get(m), rows.stream().map(r -> r.values().get(measure)).toList()));
            behind.add(rows);
        }
        return new ChartModel(kind, new Chart.Data(categories, series), behind);
    }

    /** Bars or lines of two groupings: categories of the first, a series per value of the second. */
    private static ChartModel crossed(Chart.Kind kind, List<AggregateRow> rows) {
        Map<Optional<String>, String> firsts = new LinkedHashMap<>();
        Map<Optional<String>, String> seconds = new LinkedHashMap<>();
        Map<List<Optional<String>>, AggregateRow> byKeys = new HashMap<>();
        for (AggregateRow row : rows) {
            firsts.putIfAbsent(row.keys().get(0), row.labels().get(0));
            seconds.putIfAbsent(row.keys().get(1), row.labels().get(1));
            byKeys.put(row.keys(), row);
        }
        List<Chart.Series> series = new ArrayList<>();
        List<List<AggregateRow>> behind = new ArrayList<>();
        for (Map.Entry<Optional<String>, String> second : seconds.entrySet()) {
            List<Number> values = new ArrayList<>();
            List<AggregateRow> cells = new ArrayList<>();
            for (Optional<String> first : firsts.keySet()) {
                AggregateRow row = byKeys.get(List.of(first, second.getKey()));
                values.add(row == null ? null : row.values().get(0));
                cells.add(row);
            }
            series.add(Chart.Series.of(second.getValue(), values));
            behind.add(cells);
        }
        return new ChartModel(kind, new Chart.Data(List.copyOf(firsts.values()), series), behind);
    }

    /** A row's category: its labels joined, or "Total" without groupings. */
    private static String label(AggregateRow row) {
        return row.labels().isEmpty() ? TOTAL : String.join(JOIN, row.labels());
    }

    /**
     * @param series the series clicked
     * @param category the category clicked
     * @return the report row behind it; empty where there is none
     */
    public Optional<AggregateRow> row(int series, int category) {
        if (series < 0 || series >= rows.size() || category < 0 || category >= rows.get(series).size()) {
            return Optional.empty();
        }
        return Optional.ofNullable(rows.get(series).get(category));
    }
}
