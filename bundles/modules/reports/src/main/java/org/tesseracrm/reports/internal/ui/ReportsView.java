package org.tesseracrm.reports.internal.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.reports.api.Report;
import org.tesseracrm.reports.api.ReportInfo;
import org.tesseracrm.reports.api.ReportInput;
import org.tesseracrm.reports.api.Sharing;

/**
 * Reports → Reports: the reports the user sees (their own, those shared with them, the ready-made ones bundles
 * contribute, which are read-only) with New, Open, Duplicate, Delete (confirmed) and the export to Excel or CSV.
 * Building buttons need {@code reports.build}: without it they are not shown and a report opens in the viewer (the
 * service refuses anyway). Opening a report replaces the list with the builder or the viewer, whose back button
 * brings the list again.
 *
 * <p>Ids: {@code reports-view}, {@code reports-new}, {@code reports-grid}, and per report (its key with {@code :}
 * and other signs as {@code -}, e.g. {@code report-12}, {@code source-kpi-nps}): {@code reports-open-<key>},
 * {@code reports-duplicate-<key>}, {@code reports-delete-<key>}, {@code reports-export-xlsx-<key>},
 * {@code reports-export-csv-<key>}; the delete confirmation {@code reports-delete-confirm}.
 */
public class ReportsView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient ReportServices services;
    private final VerticalLayout list = new VerticalLayout();
    private final Grid<ReportInfo> grid = new Grid<>();

    /** @param services the reports service and the platform lookups */
    ReportsView(ReportServices services) {
        this.services = services;
        setId("reports-view");
        setSizeFull();
        boolean builds = services.builds();
        list.setPadding(false);
        list.setSizeFull();
        Button create = new Button("New report", VaadinIcon.PLUS.create(), e -> open(new ReportBuilder(services,
                Optional.empty(), true, this::showList)));
        create.setId("reports-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(builds);
        list.add(new H2("Reports"), new Paragraph("Figures over the records you may see: your reports, those shared "
                + "with you and the ready-made ones. Everyone running a report sees their own numbers."), create);

        grid.setId("reports-grid");
        grid.addComponentColumn(this::name).setHeader("Name").setFlexGrow(2).setResizable(true);
        grid.addColumn(r -> services.typeLabel(r.recordType())).setHeader("Records").setAutoWidth(true);
        grid.addColumn(r -> Labels.chart(r.chart())).setHeader("Chart").setAutoWidth(true);
        grid.addColumn(r -> r.owner().isBlank() ? "Ready-made" : r.owner()).setHeader("Owner").setAutoWidth(true);
        grid.addComponentColumn(r -> buttons(r, builds)).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        list.add(grid);
        showList();
    }

    @Override
    public String getPageTitle() {
        return "Reports";
    }

    /** @return a key as an element id part: {@code report:12} → {@code report-12} */
    static String idPart(String key) {
        return key.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** Shows the list again, read afresh. */
    void showList() {
        removeAll();
        add(list);
        try {
            grid.setItems(services.reports().list());
        } catch (CrmException e) {
            grid.setItems(List.of());
            Toasts.error(e.getMessage());
        }
    }

    private void open(Component screen) {
        removeAll();
        add(screen);
    }

    private Component name(ReportInfo info) {
        VerticalLayout cell = new VerticalLayout();
        cell.setPadding(false);
        cell.setSpacing(false);
        HorizontalLayout line = new HorizontalLayout(new Span(info.name()));
        line.setSpacing(true);
        if (info.key().startsWith(ReportInfo.SOURCE_PREFIX)) {
            line.add(badge("Ready-made", "badge contrast small"));
        } else if (info.shared()) {
            line.add(badge("Shared", "badge small"));
        }
        cell.add(line);
        if (!info.description().isBlank()) {
            Span description = new Span(info.description());
            description.getStyle().set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)").set("white-space", "normal");
            cell.add(description);
        }
        return cell;
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    private Component buttons(ReportInfo info, boolean builds) {
        String id = idPart(info.key());
        boolean saved = info.key().startsWith(ReportInfo.REPORT_PREFIX);
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        row.add(small("Open", VaadinIcon.CHART, "reports-open-" + id, () -> open(info, builds)));
        if (builds && saved) {
            row.add(small("Duplicate", VaadinIcon.COPY_O, "reports-duplicate-" + id, () -> duplicate(info)));
            if (!info.readOnly()) {
                Button delete = small("Delete", VaadinIcon.TRASH, "reports-delete-" + id, () -> confirmDelete(info));
                delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
                row.add(delete);
            }
        }
        for (ExportFormat format : ExportFormat.values()) {
            row.add(ExportLinks.link(services.reports(), info.key(), info.name(), format, Optional::empty,
                    "reports-export-" + format.extension() + "-" + id, true));
        }
        return row;
    }

    /** A saved report opens in the builder for builders, everything else in the viewer. */
    private void open(ReportInfo info, boolean builds) {
        try {
            if (!info.key().startsWith(ReportInfo.REPORT_PREFIX)) {
                open(new ReportViewer(services, info, List.of(), this::showList));
                return;
            }
            Report report = services.reports().get(id(info));
            if (builds) {
                open(new ReportBuilder(services, Optional.of(report), !info.readOnly(), this::showList));
            } else {
                open(new ReportViewer(services, info,
                        Figures.kinds(report.spec(), services.choices(report.spec().recordType())), this::showList));
            }
        } catch (CrmException e) {
            Toasts.error(e.getMessage());
            showList();
        }
    }

    /** Saves a private copy, named "Copy of …", and lists it. */
    private void duplicate(ReportInfo info) {
        try {
            Report report = services.reports().get(id(info));
            Report copy = services.reports().save(new ReportInput(0, 0, copyName(report.name()),
                    report.description(), report.spec(), Sharing.PRIVATE));
            Toasts.done("Saved " + copy.name() + ".");
        } catch (CrmException e) {
            Toasts.error(e.getMessage());
        }
        showList();
    }

    /**
     * @param name a report's name
     * @return its copy's name, within the 200 characters a name may have
     */
    static String copyName(String name) {
        String copy = "Copy of " + name;
        return copy.length() <= 200 ? copy : copy.substring(0, 200);
    }

    private void confirmDelete(ReportInfo info) {
        ConfirmDialog confirm = new ConfirmDialog("Delete report " + info.name() + "?", "Its e-mail schedule is "
                + "deleted too, and it leaves the dashboards it is on. This cannot be undone.", "Delete", e -> {
                    try {
                        Report report = services.reports().get(id(info));
                        services.reports().delete(report.id(), report.version());
                        Toasts.done("Deleted " + info.name() + ".");
                    } catch (CrmException ex) {
                        Toasts.error(ex.getMessage());
                    }
                    showList();
                });
        confirm.setId("reports-delete-confirm");
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private static long id(ReportInfo info) {
        return Long.parseLong(info.key().substring(ReportInfo.REPORT_PREFIX.length()));
    }

    private static Button small(String label, VaadinIcon icon, String id, Runnable action) {
        Button button = new Button(label, icon.create(), e -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
