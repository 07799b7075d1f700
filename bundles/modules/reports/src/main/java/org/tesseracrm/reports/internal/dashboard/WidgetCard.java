package org.tesseracrm.reports.internal.dashboard;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.ui.kit.AsyncPanel;
import org.tesseracrm.kernel.ui.kit.Chart;
import org.tesseracrm.kernel.ui.kit.KpiTile;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.Drill;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportInfo;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.internal.ui.ChartModel;
import org.tesseracrm.reports.internal.ui.Toasts;

/**
 * One widget of a dashboard: its report's name, and its chart (a KPI tile, a table, or the kit's chart by the
 * report's chart kind), read on its own. A click on a bar, slice or row lists exactly its records. On an editable
 * dashboard it can be dragged onto another widget's place, moved left or right with buttons (touch screens) and
 * removed.
 *
 * <p>Element: class {@code dashboard-widget} with {@code data-key} (the report key) and {@code data-index}; inside,
 * {@code dashboard-widget-title}, {@code dashboard-widget-chart} (the chart), {@code dashboard-widget-left},
 * {@code dashboard-widget-right}, {@code dashboard-widget-remove}.
 */
final class WidgetCard extends Div {
    private static final long serialVersionUID = 1L;

    /** What an editable dashboard does when the user rearranges. */
    interface Arranging {
        /** Moves the widget at {@code from} to {@code to}. */
        void move(int from, int to);

        /** Removes the widget at {@code index}. */
        void remove(int index);
    }

    private final transient DashboardScreens screens;
    private final String key;
    private final transient Optional<Period> period;
    private final AsyncPanel<ReportResult> body;

    WidgetCard(DashboardScreens screens, int index, int count, Widget widget, Optional<ReportInfo> info,
            Optional<Period> period, Optional<Arranging> arranging) {
        this.screens = screens;
        this.key = widget.reportKey();
        this.period = period;
        addClassName("dashboard-widget");
        getElement().setAttribute("data-key", key);
        getElement().setAttribute("data-index", String.valueOf(index));
        getStyle().set("grid-column", "span " + widget.width()).set("min-width", "0")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s)");
        Span title = new Span(info.map(ReportInfo::name).orElse(key));
        title.addClassName("dashboard-widget-title");
        title.getStyle().set("font-weight", "600").set("flex", "1");
        Div header = new Div(title);
        header.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-xs)");
        arranging.ifPresent(a -> {
            header.add(button(VaadinIcon.ARROW_LEFT, "Move left", "dashboard-widget-left", index > 0,
                    () -> a.move(index, index - 1)));
            header.add(button(VaadinIcon.ARROW_RIGHT, "Move right", "dashboard-widget-right", index < count - 1,
                    () -> a.move(index, index + 1)));
            header.add(button(VaadinIcon.CLOSE_SMALL, "Remove", "dashboard-widget-remove", true, () -> a.remove(index)));
            DragSource<WidgetCard> drag = DragSource.create(this);
            drag.setDragData(index);
            DropTarget<WidgetCard> drop = DropTarget.create(this);
            drop.addDropListener(e -> e.getDragData().filter(Integer.class::isInstance).map(Integer.class::cast)
                    .filter(from -> from != index).ifPresent(from -> a.move(from, index)));
        });
        ChartKind chart = info.map(ReportInfo::chart).orElse(ChartKind.TABLE);
        body = screens.loader().panel(() -> screens.reports().run(key, period), result -> show(result, chart));
        add(header, body);
    }

    /** @return the widget's report key */
    String key() {
        return key;
    }

    /** Reads the widget again (a record it counts changed). */
    void reload() {
        body.reload();
    }

    private static Button button(VaadinIcon icon, String label, String className, boolean enabled, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        button.addClassName(className);
        button.getElement().setAttribute("aria-label", label);
        button.getElement().setAttribute("title", label);
        button.setEnabled(enabled);
        return button;
    }

    private Component show(ReportResult result, ChartKind chart) {
        Div shown = new Div();
        result.notice().ifPresent(n -> {
            Span notice = new Span(n);
            notice.getElement().getThemeList().add("badge contrast");
            notice.getStyle().set("white-space", "normal");
            shown.add(notice);
        });
        boolean drills = result.drillType().isPresent();
        NumberFormat numbers = NumberFormat.getNumberInstance(LocalTimes.locale());
        if (chart == ChartKind.KPI) {
            Optional<AggregateRow> first = result.rows().stream().findFirst();
            String figure = first.filter(r -> !r.values().isEmpty() && r.values().get(0) != null)
                    .map(r -> numbers.format(r.values().get(0))).orElse("–");
            KpiTile tile = new KpiTile(result.measureHeaders().isEmpty() ? result.title()
                    : result.measureHeaders().get(0), figure);
            tile.addClassName("dashboard-widget-chart");
            if (drills && first.isPresent()) {
                tile.getStyle().set("cursor", "pointer");
                tile.addClickListener(e -> open(result, first.get()));
            }
            shown.add(tile);
            return shown;
        }
        Optional<Chart.Kind> kind = ChartModel.kind(chart);
        if (kind.isPresent()) {
            ChartModel data = ChartModel.of(kind.get(), result);
            Chart drawn = new Chart(kind.get(), data.data());
            drawn.addClassName("dashboard-widget-chart");
            drawn.setWidthFull();
            drawn.setHeight("16rem");
            if (drills) {
                drawn.addPointClickListener(e -> data.row(e.getSeriesIndex(), e.getCategoryIndex())
                        .ifPresent(row -> open(result, row)));
            }
            shown.add(drawn);
            return shown;
        }
        Grid<AggregateRow> table = new Grid<>();
        table.addClassName("dashboard-widget-chart");
        for (int g = 0; g < result.groupHeaders().size(); g++) {
            int group = g;
            table.addColumn(r -> r.labels().get(group)).setHeader(result.groupHeaders().get(g)).setAutoWidth(true);
        }
        for (int m = 0; m < result.measureHeaders().size(); m++) {
            int measure = m;
            table.addColumn(r -> format(numbers, r.values().get(measure))).setHeader(result.measureHeaders().get(m))
                    .setAutoWidth(true);
        }
        table.setItems(result.rows());
        table.setAllRowsVisible(result.rows().size() <= 8);
        table.setHeight(result.rows().size() <= 8 ? null : "16rem");
        if (drills) {
            table.addItemClickListener(e -> open(result, e.getItem()));
        }
        shown.add(table);
        return shown;
    }

    private static String format(NumberFormat numbers, BigDecimal value) {
        return value == null ? "" : numbers.format(value);
    }

    /** Lists exactly the records behind a row, in the kit's record list dialog. */
    private void open(ReportResult result, AggregateRow row) {
        try {
            Drill drill = screens.reports().drill(key, row.keys(), period);
            String title = result.title() + (row.labels().isEmpty() ? "" : " · " + String.join(" · ", row.labels()));
            screens.kit().recordsDialog(drill.recordType(), title, List.copyOf(drill.filters()),
                    drill.text().orElse("")).open();
        } catch (CrmException e) {
            Toasts.error(e.getMessage()); // e.g. the report's module was uninstalled meanwhile
        }
    }
}
