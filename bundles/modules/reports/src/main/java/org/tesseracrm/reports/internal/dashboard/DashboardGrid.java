package org.tesseracrm.reports.internal.dashboard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportInfo;

/**
 * A dashboard's widgets on a grid of {@value Widget#COLUMNS} columns, each loading on its own. While attached it
 * listens for record changes: a change of a record type a widget reports on is pushed to the page, which waits
 * {@value #DEBOUNCE_MS} ms for more changes before the server reads those widgets again (the debounce runs in the
 * browser, so the module starts no timer or thread).
 *
 * <p>Element id: {@code dashboard-grid} (with a prefix on the Home page: {@code home-dashboard-grid}).
 */
final class DashboardGrid extends Div {
    private static final long serialVersionUID = 1L;
    /** How long the page waits for more record changes before refreshing. */
    static final int DEBOUNCE_MS = 1500;

    private final transient DashboardScreens screens;
    private final transient Map<String, ReportInfo> infos;
    private final List<WidgetCard> cards = new ArrayList<>();
    private final Set<String> changedTypes = new HashSet<>();
    private transient Runnable stopListening;

    /**
     * @param screens the services
     * @param id the element id
     * @param dashboard the dashboard to show
     * @param reports the reports the viewer may use ({@code Reports.list}), by key
     * @param arranging what rearranging does, or empty for a read-only grid
     */
    DashboardGrid(DashboardScreens screens, String id, Dashboard dashboard, Map<String, ReportInfo> reports,
            Optional<WidgetCard.Arranging> arranging) {
        this.screens = screens;
        this.infos = Map.copyOf(reports);
        setId(id);
        setWidthFull();
        getStyle().set("display", "grid").set("gap", "var(--lumo-space-m)")
                .set("grid-template-columns", "repeat(" + Widget.COLUMNS + ", minmax(0, 1fr))");
        Optional<Period> period = DashboardScreens.resolve(dashboard.period());
        List<Widget> widgets = dashboard.widgets();
        for (int i = 0; i < widgets.size(); i++) {
            WidgetCard card = new WidgetCard(screens, i, widgets.size(), widgets.get(i),
                    Optional.ofNullable(infos.get(widgets.get(i).reportKey())), period, arranging);
            cards.add(card);
            add(card);
        }
        if (widgets.isEmpty()) {
            Paragraph empty = new Paragraph(arranging.isPresent() ? "No widget yet: add one of your reports."
                    : "This dashboard has no widget yet.");
            empty.getStyle().set("grid-column", "span " + Widget.COLUMNS);
            add(empty);
        }
    }

    /**
     * @param reports what {@code Reports.list} gave
     * @return them by key
     */
    static Map<String, ReportInfo> byKey(List<ReportInfo> reports) {
        return reports.stream().collect(Collectors.toMap(ReportInfo::key, Function.identity(), (a, b) -> a));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        Set<String> watched = cards.stream().map(c -> infos.get(c.key())).filter(java.util.Objects::nonNull)
                .map(ReportInfo::recordType).collect(Collectors.toSet());
        stopListening = screens.events().listen(type -> {
            // a contributed report (no record type) may count anything: it refreshes on every change
            if (watched.contains(type) || watched.contains("")) {
                ui.access(() -> {
                    changedTypes.add(type);
                    getElement().executeJs("clearTimeout(this.__refresh); this.__refresh = setTimeout(() => "
                            + "this.$server.refreshChanged(), $0)", DEBOUNCE_MS);
                });
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
        super.onDetach(event);
    }

    /** Called by the page once record changes have settled: reads the widgets over the changed types again. */
    @ClientCallable
    void refreshChanged() {
        Set<String> changed = Set.copyOf(changedTypes);
        changedTypes.clear();
        for (WidgetCard card : cards) {
            ReportInfo info = infos.get(card.key());
            String type = info == null ? "" : info.recordType();
            if (type.isEmpty() || changed.contains(type)) {
                card.reload();
            }
        }
    }
}
