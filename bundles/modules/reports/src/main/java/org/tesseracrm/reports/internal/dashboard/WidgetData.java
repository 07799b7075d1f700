package org.tesseracrm.reports.internal.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.ui.kit.Chart;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.ReportResult;

/**
 * A report's result as a widget's chart draws it, and back from a clicked point to the result's row. One grouping:
 * a category per row and a series per measure. Two groupings: a category per value of the first, a series per
 * value of the second, the first measure as values (a stacked bar of opportunities by phase and month).
 *
 * @param data what the chart draws
 * @param cells the row behind each point, by series index and category index
 */
record WidgetData(Chart.Data data, Map<List<Integer>, AggregateRow> cells) {

    /**
     * @param chart a report's chart kind
     * @return the kit's chart kind, or empty for a table or a KPI tile
     */
    static Optional<Chart.Kind> kind(ChartKind chart) {
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
     * @param result a report's result
     * @return its chart data
     */
    static WidgetData of(ReportResult result) {
        Map<List<Integer>, AggregateRow> cells = new LinkedHashMap<>();
        if (result.groupHeaders().size() < 2) {
            List<String> categories = new ArrayList<>();
            List<List<Number>> values = new ArrayList<>();
            result.measureHeaders().forEach(m -> values.add(new ArrayList<>()));
            for (int r = 0; r < result.rows().size(); r++) {
                AggregateRow row = result.rows().get(r);
                categories.add(row.labels().isEmpty() ? result.title() : row.labels().get(0));
                for (int m = 0; m < values.size(); m++) {
                    values.get(m).add(m < row.values().size() ? row.values().get(m) : null);
                    cells.put(List.of(m, r), row);
                }
            }
            List<Chart.Series> series = new ArrayList<>();
            for (int m = 0; m < values.size(); m++) {
                series.add(new Chart.Series(result.measureHeaders().get(m), values.get(m)));
            }
            return new WidgetData(new Chart.Data(categories, series), cells);
        }
        Map<String, Integer> categories = new LinkedHashMap<>();
        Map<String, Integer> seriesNames = new LinkedHashMap<>();
        for (AggregateRow row : result.rows()) {
            categories.putIfAbsent(row.labels().get(0), categories.size());
            seriesNames.putIfAbsent(row.labels().get(1), seriesNames.size());
        }
        List<List<Number>> values = new ArrayList<>();
        for (int s = 0; s < seriesNames.size(); s++) {
            List<Number> empty = new ArrayList<>();
            categories.keySet().forEach(c -> empty.add(null));
            values.add(empty);
        }
        for (AggregateRow row : result.rows()) {
            int c = categories.get(row.labels().get(0));
            int s = seriesNames.get(row.labels().get(1));
            BigDecimal value = row.values().isEmpty() ? null : row.values().get(0);
            values.get(s).set(c, value);
            cells.put(List.of(s, c), row);
        }
        List<Chart.Series> series = new ArrayList<>();
        List<String> names = List.copyOf(seriesNames.keySet());
        for (int s = 0; s < names.size(); s++) {
            series.add(new Chart.Series(names.get(s), values.get(s)));
        }
        return new WidgetData(new Chart.Data(List.copyOf(categories.keySet()), series), cells);
    }

    /**
     * @param seriesIndex the clicked point's series
     * @param categoryIndex its category
     * @return the result's row behind it, if any
     */
    Optional<AggregateRow> row(int seriesIndex, int categoryIndex) {
        return Optional.ofNullable(cells.get(List.of(seriesIndex, categoryIndex)));
    }
}
