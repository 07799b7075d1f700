package org.tesseracrm.reports.internal.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.ui.kit.Chart;
import org.tesseracrm.kernel.ui.kit.KpiTile;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.Drill;
import org.tesseracrm.reports.api.ReportResult;

/**
 * A report's result: what to do when data is missing ({@code report-notice}), the chart ({@code report-chart}, the
 * kit's chart; a KPI tile for {@link ChartKind#KPI}) and the table ({@code report-table}: a column per grouping and
 * per measure, figures in the user's locale). A click on a bar, point, slice, tile or table row opens exactly that
 * row's records in the kit's record list dialog, when the result has click-through.
 */
final class ResultPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient RecordKit kit;
    private final Span notice = new Span();
    private final Div chartSlot = new Div();
    private final Span summary = new Span();
    private final Grid<AggregateRow> table = new Grid<>();
    private Registration rowClicks;

    /** @param kit the record list dialog a click opens */
    ResultPanel(RecordKit kit) {
        this.kit = kit;
        setId("report-result");
        setPadding(false);
        notice.setId("report-notice");
        notice.getElement().getThemeList().add("badge contrast");
        notice.getStyle().set("white-space", "normal");
        chartSlot.setWidthFull();
        summary.setId("report-rows");
        summary.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        table.setId("report-table");
        table.setHeight("24em");
        table.setWidthFull();
        add(notice, chartSlot, summary, table);
        clear();
    }

    /** Shows nothing, until the next run. */
    void clear() {
        if (rowClicks != null) {
            rowClicks.remove();
            rowClicks = null;
        }
        notice.setVisible(false);
        chartSlot.removeAll();
        summary.setText("");
        table.removeAllColumns();
        table.setItems(List.of());
        table.setVisible(false);
    }

    /**
     * @param result what the report gave
     * @param chart how it is drawn
     * @param kinds what each measure's figures are, in order (a count, money, a date...)
     * @param drill the records behind a row; empty when the result has no click-through
     */
    void show(ReportResult result, ChartKind chart, List<Figures.Kind> kinds,
            Optional<Function<List<Optional<String>>, Drill>> drill) {
        clear();
        Figures figures = new Figures(LocalTimes.current());
        result.notice().ifPresent(text -> {
            notice.setText(text);
            notice.setVisible(true);
        });
        Optional<Function<List<Optional<String>>, Drill>> through = result.drillType().isPresent() ? drill
                : Optional.empty();
        if (chart == ChartKind.KPI) {
            chartSlot.add(tile(result, figures, kinds, through));
        } else {
            ChartModel.kind(chart).ifPresent(kind -> chartSlot.add(chart(ChartModel.of(kind, result), result,
                    through)));
        }
        for (int g = 0; g < result.groupHeaders().size(); g++) {
            int group = g;
            table.addColumn(row -> row.labels().get(group)).setHeader(result.groupHeaders().get(g))
                    .setAutoWidth(true).setResizable(true).setKey("group-" + (g + 1));
        }
        for (int m = 0; m < result.measureHeaders().size(); m++) {
            int measure = m;
            Figures.Kind kind = m < kinds.size() ? kinds.get(m) : Figures.Kind.NUMBER;
            table.addColumn(row -> figures.format(row.values().get(measure), kind))
                    .setHeader(result.measureHeaders().get(m)).setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                    .setKey("measure-" + (m + 1));
        }
        table.setItems(result.rows());
        table.setVisible(true);
        String count = result.rows().size() == 1 ? "1 row" : String.format("%,d rows", result.rows().size());
        summary.setText(count + (through.isPresent() && !result.rows().isEmpty() ? "; click one to list its records"
                : ""));
        through.ifPresent(d -> rowClicks = table.addItemClickListener(e -> open(d, e.getItem(), result)));
    }

    private Chart chart(ChartModel model, ReportResult result, Optional<Function<List<Optional<String>>, Drill>> drill) {
        Chart chart = new Chart(model.kind(), model.data());
        chart.setId("report-chart");
        chart.setWidthFull();
        if (model.kind().hasAxes() && !result.groupHeaders().isEmpty()) {
            chart.setAxisLabels(result.groupHeaders().get(0),
                    result.groupHeaders().size() == 2 ? result.measureHeaders().get(0) : "");
        }
        drill.ifPresent(d -> chart.addPointClickListener(e -> model.row(e.getSeriesIndex(), e.getCategoryIndex())
                .ifPresent(row -> open(d, row, result))));
        return chart;
    }

    private KpiTile tile(ReportResult result, Figures figures, List<Figures.Kind> kinds,
            Optional<Function<List<Optional<String>>, Drill>> drill) {
        String label = result.measureHeaders().isEmpty() ? result.title() : result.measureHeaders().get(0);
        Optional<AggregateRow> first = result.rows().stream().findFirst();
        String figure = first.filter(r -> !r.values().isEmpty())
                .map(r -> figures.format(r.values().get(0), kinds.isEmpty() ? Figures.Kind.NUMBER : kinds.get(0)))
                .orElse("");
        KpiTile tile = new KpiTile(label, figure);
        tile.setId("report-chart");
        result.notice().ifPresent(tile::setDefinition);
        if (drill.isPresent() && first.isPresent()) {
            tile.getStyle().set("cursor", "pointer");
            tile.addClickListener(e -> open(drill.get(), first.get(), result));
        }
        return tile;
    }

    /** Lists the row's records in the kit's dialog; what the service refuses is said, not thrown. */
    private void open(Function<List<Optional<String>>, Drill> drill, AggregateRow row, ReportResult result) {
        try {
            Drill records = drill.apply(row.keys());
            String title = result.title() + (row.labels().isEmpty() ? "" : ": " + String.join(ChartModel.JOIN,
                    row.labels()));
            kit.recordsDialog(records.recordType(), title, records.filters(), records.text().orElse("")).open();
        } catch (CrmException e) {
            Toasts.error(e.getMessage());
        }
    }
}
