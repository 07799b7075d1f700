package org.tesseracrm.reports.internal.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Aggregate;
import org.tesseracrm.kernel.api.record.DateBucket;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.ui.kit.FilterBar;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.Drill;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.Report;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSort;
import org.tesseracrm.reports.api.ReportSpec;

/**
 * The report builder, for users with {@code reports.build}: the records (an installed record type the user may
 * view), search text and the list view's filters, up to two groupings (dates by day, week, month, quarter or year;
 * fields of looked-up records one level deep), the figures (count, sum, average, minimum, maximum), the row order and
 * limit, the chart and the period field; Preview runs it as the user, Save stores it (name, description, sharing).
 * A report the user may not change (someone else's) can be previewed and saved as a new report.
 *
 * <p>Ids: {@code report-builder}, {@code report-back}, {@code report-title}, {@code report-type},
 * {@code report-text}, {@code report-add-filter} (chips of class {@code report-filter-chip}),
 * {@code report-filters-error}, {@code report-group-1}, {@code report-bucket-1}, {@code report-group-2},
 * {@code report-bucket-2}, {@code report-measure-<n>} and {@code report-measure-field-<n>} (n from 1),
 * {@code report-measure-remove-<n>}, {@code report-measure-add}, {@code report-measures-error},
 * {@code report-chart-kind}, {@code report-sort}, {@code report-limit}, {@code report-period-field},
 * {@code report-period-from}, {@code report-period-to}, {@code report-preview}, {@code report-save},
 * {@code report-export-xlsx}, {@code report-export-csv}, {@code report-schedule} (the e-mail schedule, see
 * {@link ScheduleDialog}); the result's ids are on {@link ResultPanel}, the save
 * dialog's on {@link SaveReportDialog}.
 */
final class ReportBuilder extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final int MAX_MEASURES = 10;

    private final transient ReportServices services;
    private transient Optional<Report> saved;
    private boolean changeable;
    private transient FieldChoices choices = new FieldChoices(List.of());

    private final H2 title = new H2();
    private final Select<String> type = new Select<>();
    private final TextField text = new TextField("Search text");
    private final Div filterSlot = new Div();
    private transient FilterBar filters;
    private final Span filtersError = errorText("report-filters-error");
    private final Select<FieldChoice> group1 = new Select<>();
    private final Select<DateBucket> bucket1 = new Select<>();
    private final Select<FieldChoice> group2 = new Select<>();
    private final Select<DateBucket> bucket2 = new Select<>();
    private final VerticalLayout measureRows = new VerticalLayout();
    private final List<MeasureEditor> measures = new ArrayList<>();
    private final Button addMeasure = new Button("Add a figure", VaadinIcon.PLUS.create());
    private final Span measuresError = errorText("report-measures-error");
    private final Select<ChartKind> chart = new Select<>();
    private final Select<ReportSort> sort = new Select<>();
    private final IntegerField limit = new IntegerField("Rows shown");
    private final Select<FieldChoice> periodField = new Select<>();
    private final PeriodFields period = new PeriodFields("Preview from", "Preview to");
    private final HorizontalLayout exports = new HorizontalLayout();
    private final Button saveButton = new Button();
    private final ResultPanel result;
    private final FormErrors errors = new FormErrors();

    /**
     * @param services the reports service and the platform lookups
     * @param report the saved report to show; empty for a new one
     * @param changeable whether the user may save over it (a new report: yes)
     * @param back shows the report list again
     */
    ReportBuilder(ReportServices services, Optional<Report> report, boolean changeable, Runnable back) {
        this.services = services;
        this.saved = report;
        this.changeable = changeable;
        this.result = new ResultPanel(services.kit());
        setId("report-builder");
        setWidthFull();

        Button backButton = new Button("Reports", VaadinIcon.ARROW_LEFT.create(), e -> back.run());
        backButton.setId("report-back");
        backButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        title.setId("report-title");
        add(backButton, title);

        type.setId("report-type");
        type.setLabel("Records");
        type.setPlaceholder("Choose the records to report on");
        type.setItems(services.recordTypes().stream().map(RecordType::id).toList());
        type.setItemLabelGenerator(services::typeLabel);
        type.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                typeChosen(e.getValue());
            }
        });
        text.setId("report-text");
        text.setPlaceholder("Every record");
        text.setClearButtonVisible(true);
        add(section("Records", row(type, text), filterSlot, filtersError));

        group(group1, bucket1, 1, "Group by");
        group(group2, bucket2, 2, "Then by");
        add(section("Groups", row(group1, bucket1, group2, bucket2)));

        measureRows.setPadding(false);
        measureRows.setSpacing(false);
        measureRows.setId("report-measures");
        addMeasure.setId("report-measure-add");
        addMeasure.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addMeasure.addClickListener(e -> addMeasure(new SpecForm.MeasureRow(Aggregate.COUNT, null)));
        add(section("Figures", measureRows, addMeasure, measuresError));

        chart.setId("report-chart-kind");
        chart.setLabel("Chart");
        chart.setItems(ChartKind.values());
        chart.setItemLabelGenerator(Labels::chart);
        chart.setValue(ChartKind.BAR);
        sort.setId("report-sort");
        sort.setLabel("Order");
        sort.setItems(ReportSort.values());
        sort.setItemLabelGenerator(Labels::sort);
        sort.setValue(ReportSort.GROUPS);
        limit.setId("report-limit");
        limit.setMin(0);
        limit.setMax(ReportSpec.MAX_LIMIT);
        limit.setPlaceholder("All");
        limit.setHelperText("0 or empty: all");
        limit.setWidth("9em");
        periodField.setId("report-period-field");
        periodField.setLabel("Period field");
        periodField.setEmptySelectionAllowed(true);
        periodField.setEmptySelectionCaption("No period");
        periodField.setItemLabelGenerator(f -> f == null ? "No period" : f.label());
        periodField.setHelperText("The date a dashboard's period filters on");
        add(section("Display", row(chart, sort, limit), row(periodField, period.from, period.to)));

        Button preview = new Button("Preview", VaadinIcon.PLAY.create(), e -> preview());
        preview.setId("report-preview");
        preview.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.setText(changeable ? "Save" : "Save as new report");
        saveButton.setIcon(VaadinIcon.CHECK.create());
        saveButton.addClickListener(e -> save());
        saveButton.setId("report-save");
        saveButton.setVisible(services.builds());
        exports.setSpacing(true);
        add(row(preview, saveButton, exports));
        add(result);

        errors.target("spec.recordType", type);
        errors.text("spec.filters", filtersError);
        errors.target("spec.text", text);
        errors.target("spec.groups", group1);
        errors.text("spec.measures", measuresError);
        errors.target("spec.chart", chart);
        errors.target("spec.sort", sort);
        errors.target("spec.limit", limit);
        errors.target("spec.periodField", periodField);
        errors.target("period", period.to);

        report.ifPresentOrElse(this::show, () -> {
            title.setText("New report");
            addMeasure(new SpecForm.MeasureRow(Aggregate.COUNT, null));
        });
        showExports();
    }

    /** Shows a saved report's parts in the form and runs it. */
    private void show(Report report) {
        title.setText(report.name());
        ReportSpec spec = report.spec();
        if (!type.getListDataView().getItems().anyMatch(spec.recordType()::equals)) {
            type.setItems(concat(type.getListDataView().getItems().toList(), spec.recordType()));
        }
        type.setValue(spec.recordType());
        typeChosen(spec.recordType());
        SpecForm form = SpecForm.of(spec, choices);
        text.setValue(form.text());
        filters.setFilters(form.filters());
        List<SpecForm.GroupRow> groups = form.groups();
        if (!groups.isEmpty()) {
            choose(group1, bucket1, groups.get(0));
        }
        if (groups.size() > 1) {
            choose(group2, bucket2, groups.get(1));
        }
        measureRows.removeAll();
        measures.clear();
        form.measures().forEach(this::addMeasure);
        chart.setValue(form.chart());
        sort.setValue(form.sort());
        limit.setValue(form.limit() == null || form.limit() == 0 ? null : form.limit());
        if (form.periodField() != null) {
            ensure(periodField, form.periodField());
            periodField.setValue(form.periodField());
        }
        preview();
    }

    /** A new record type: its fields in the selects, a fresh filter bar, the groupings and figures reset. */
    private void typeChosen(String recordType) {
        errors.clear();
        result.clear();
        filterSlot.removeAll();
        filters = null;
        choices = recordType == null ? new FieldChoices(List.of()) : services.choices(recordType);
        if (recordType != null) {
            try {
                filters = FilterBar.of(services.kit(), recordType, "report", () -> filtersError.setText(""));
                filterSlot.add(filters);
            } catch (CrmException e) {
                Toasts.error(e.getMessage());
            }
        }
        List<FieldChoice> groupable = choices.groupable();
        for (Select<FieldChoice> group : List.of(group1, group2)) {
            group.setItems(groupable);
            group.clear();
        }
        bucket1.setVisible(false);
        bucket2.setVisible(false);
        group2.setEnabled(false);
        periodField.setItems(choices.periods());
        periodField.clear();
        List<SpecForm.MeasureRow> kept = measures.stream().map(m -> new SpecForm.MeasureRow(m.aggregate.getValue(),
                null)).toList();
        measureRows.removeAll();
        measures.clear();
        (kept.isEmpty() ? List.of(new SpecForm.MeasureRow(Aggregate.COUNT, null)) : kept).forEach(this::addMeasure);
    }

    private void group(Select<FieldChoice> group, Select<DateBucket> bucket, int n, String label) {
        group.setId("report-group-" + n);
        group.setLabel(label);
        group.setEmptySelectionAllowed(true);
        group.setEmptySelectionCaption("No grouping");
        group.setItemLabelGenerator(f -> f == null ? "No grouping" : f.label());
        group.setWidth("16em");
        bucket.setId("report-bucket-" + n);
        bucket.setLabel("By");
        bucket.setItems(DateBucket.values());
        bucket.setItemLabelGenerator(Labels::bucket);
        bucket.setValue(SpecForm.DEFAULT_BUCKET);
        bucket.setWidth("9em");
        bucket.setVisible(false);
        group.addValueChangeListener(e -> {
            bucket.setVisible(e.getValue() != null && e.getValue().dated());
            if (n == 1) {
                group2.setEnabled(e.getValue() != null);
                if (e.getValue() == null) {
                    group2.clear();
                }
            }
        });
        if (n == 2) {
            group.setEnabled(false);
        }
    }

    private static void choose(Select<FieldChoice> group, Select<DateBucket> bucket, SpecForm.GroupRow row) {
        ensure(group, row.field());
        group.setValue(row.field());
        if (row.bucket() != null) {
            bucket.setValue(row.bucket());
        }
    }

    /** Adds a field the report names but the type no longer offers, so the user sees it (the service refuses it). */
    private static void ensure(Select<FieldChoice> select, FieldChoice field) {
        List<FieldChoice> items = select.getListDataView().getItems().toList();
        if (field != null && !items.contains(field)) {
            select.setItems(concat(items, field));
        }
    }

    private static <T> List<T> concat(List<T> items, T one) {
        List<T> all = new ArrayList<>(items);
        all.add(one);
        return all;
    }

    private void addMeasure(SpecForm.MeasureRow row) {
        if (measures.size() >= MAX_MEASURES) {
            return;
        }
        MeasureEditor editor = new MeasureEditor(measures.size() + 1);
        editor.aggregate.setValue(row.aggregate() == null ? Aggregate.COUNT : row.aggregate());
        if (row.field() != null) {
            ensure(editor.field, row.field());
            editor.field.setValue(row.field());
        }
        measures.add(editor);
        measureRows.add(editor);
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < measures.size(); i++) {
            measures.get(i).number(i + 1);
            measures.get(i).remove.setVisible(measures.size() > 1);
        }
        addMeasure.setEnabled(measures.size() < MAX_MEASURES);
    }

    /** @return the form's values */
    private SpecForm form() {
        List<SpecForm.GroupRow> groups = new ArrayList<>();
        groups.add(new SpecForm.GroupRow(group1.getValue(), bucket1.getValue()));
        groups.add(new SpecForm.GroupRow(group2.getValue(), bucket2.getValue()));
        List<Filter> chosen = filters == null ? List.of() : filters.filters();
        return new SpecForm(type.getValue(), text.getValue(), chosen, groups,
                measures.stream().map(MeasureEditor::row).toList(), periodField.getValue(), chart.getValue(),
                sort.getValue(), limit.getValue());
    }

    /** Runs the form's report as the user and shows the result, or the errors at their fields. */
    private void preview() {
        errors.clear();
        try {
            ReportSpec spec = form().spec();
            Optional<Period> when = period.period();
            ReportResult answer = services.reports().preview(spec, when);
            result.show(answer, spec.chart(), kinds(spec), Optional.of(drill(spec, when)));
        } catch (ValidationException e) {
            result.clear();
            showErrors(e);
        } catch (CrmException e) {
            result.clear();
            Toasts.error(e.getMessage());
        }
    }

    /**
     * @return the records behind a row: the saved report's own click-through while the form still shows it, else
     *     the same computed from the form
     */
    private Function<List<Optional<String>>, Drill> drill(ReportSpec spec, Optional<Period> period) {
        Optional<Report> unchanged = saved.filter(r -> r.spec().equals(spec));
        if (unchanged.isPresent()) {
            String key = unchanged.get().key();
            return keys -> services.reports().drill(key, keys, period);
        }
        return keys -> services.drill(spec, period, keys);
    }

    private List<Figures.Kind> kinds(ReportSpec spec) {
        return Figures.kinds(spec, choices);
    }

    private void save() {
        errors.clear();
        ReportSpec spec;
        try {
            spec = form().spec();
        } catch (ValidationException e) {
            showErrors(e);
            return;
        }
        Optional<Report> over = changeable ? saved : Optional.empty();
        String suggested = saved.map(r -> "Copy of " + r.name()).orElse(services.typeLabel(spec.recordType()));
        new SaveReportDialog(services, over, suggested, spec, report -> {
            saved = Optional.of(report);
            changeable = true; // a copy of someone else's report is the user's own
            saveButton.setText("Save");
            title.setText(report.name());
            showExports();
            showSaved(report);
            Toasts.done("Saved " + report.name() + ".");
        }, this::showErrors).open();
    }

    /** Shows the saved report's own result in place of the preview's: its name, and its click-through. */
    private void showSaved(Report report) {
        try {
            Optional<Period> when = period.period();
            result.show(services.reports().run(report.key(), when), report.spec().chart(), kinds(report.spec()),
                    Optional.of(drill(report.spec(), when)));
        } catch (ValidationException e) {
            showErrors(e);
        } catch (CrmException e) {
            Toasts.error(e.getMessage());
        }
    }

    private void showErrors(ValidationException e) {
        List<String> other = errors.show(e);
        if (!other.isEmpty()) {
            Toasts.error(String.join(" ", other));
        }
    }

    /**
     * The export links of the saved report (its saved version, run for the preview period) and, for its owner with
     * {@code reports.share}, its e-mail schedule.
     */
    private void showExports() {
        exports.removeAll();
        saved.ifPresent(r -> Arrays.stream(ExportFormat.values()).forEach(format -> exports.add(
                ExportLinks.link(services.reports(), r.key(), r.name(), format, period::quiet,
                        "report-export-" + format.extension(), false))));
        saved.filter(r -> changeable && services.shares()).ifPresent(r -> {
            Button schedule = new Button("E-mail…", VaadinIcon.ENVELOPE_O.create(), e -> {
                try {
                    new ScheduleDialog(services, r, services.reports().schedule(r.id())).open();
                } catch (CrmException ex) {
                    Toasts.error(ex.getMessage());
                }
            });
            schedule.setId("report-schedule");
            exports.add(schedule);
        });
    }

    private static VerticalLayout section(String heading, com.vaadin.flow.component.Component... parts) {
        VerticalLayout section = new VerticalLayout(new H4(heading));
        section.setPadding(false);
        section.setSpacing(false);
        section.add(parts);
        return section;
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }

    private static Span errorText(String id) {
        Span error = new Span();
        error.setId(id);
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        return error;
    }

    /** One figure of the form: what is computed, over which field, and a remove button. */
    private final class MeasureEditor extends HorizontalLayout {
        private static final long serialVersionUID = 1L;
        private final Select<Aggregate> aggregate = new Select<>();
        private final Select<FieldChoice> field = new Select<>();
        private final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());

        MeasureEditor(int n) {
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            aggregate.setItems(Aggregate.values());
            aggregate.setItemLabelGenerator(Labels::aggregate);
            aggregate.setWidth("10em");
            field.setItemLabelGenerator(FieldChoice::label);
            field.setPlaceholder("Field");
            field.setWidth("16em");
            aggregate.addValueChangeListener(e -> {
                Aggregate chosen = e.getValue() == null ? Aggregate.COUNT : e.getValue();
                FieldChoice before = field.getValue();
                List<FieldChoice> offered = choices.measurable(chosen);
                field.setItems(offered);
                field.setVisible(chosen != Aggregate.COUNT);
                if (before != null && offered.contains(before)) {
                    field.setValue(before);
                }
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.getElement().setAttribute("aria-label", "Remove this figure");
            remove.addClickListener(e -> {
                measures.remove(this);
                measureRows.remove(this);
                renumber();
            });
            field.setVisible(false);
            add(aggregate, field, remove);
            number(n);
        }

        void number(int n) {
            aggregate.setId("report-measure-" + n);
            aggregate.setLabel(n == 1 ? "Figures" : null);
            aggregate.getElement().setAttribute("aria-label", "Figure " + n);
            field.setId("report-measure-field-" + n);
            remove.setId("report-measure-remove-" + n);
        }

        SpecForm.MeasureRow row() {
            return new SpecForm.MeasureRow(aggregate.getValue(), field.getValue());
        }
    }
}
