package org.tesseracrm.reports.internal.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.reports.api.ReportInfo;
import org.tesseracrm.reports.api.Reports;
import org.tesseracrm.reports.api.Sharing;
import org.tesseracrm.reports.internal.ui.Toasts;

/**
 * Dashboards: pick one of those the user sees, set its period, and (its owner or a reports admin) add widgets from
 * the user's reports, drag them or move them with buttons, remove them, share it with everyone; each change is
 * saved at once. Every widget loads on its own and refreshes when records it counts change.
 *
 * <p>Element ids: {@code dashboard-select}, {@code dashboard-new}, {@code dashboard-delete},
 * {@code dashboard-period}, {@code dashboard-from}, {@code dashboard-to}, {@code dashboard-everyone},
 * {@code dashboard-add}, {@code dashboard-defaults} (reports admins: checkboxes {@code dashboard-default-<profile id>});
 * the new-dashboard dialog {@code dashboard-name}, {@code dashboard-create}; the add-widget
 * dialog {@code dashboard-add-report}, {@code dashboard-add-confirm}; the grid {@code dashboard-grid}.
 */
public class DashboardsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient DashboardScreens screens;
    private final Select<Dashboard> chooser = new Select<>();
    private final Select<DashboardPeriod.Choice> period = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Checkbox everyone = new Checkbox("Shared with everyone");
    private final Button add = new Button("Add widget", VaadinIcon.PLUS.create());
    private final Button delete = new Button("Delete", VaadinIcon.TRASH.create());
    private final Button defaults = new Button("Home page of profiles", VaadinIcon.HOME.create());
    private final Div gridSlot = new Div();
    private transient Map<String, ReportInfo> reports = Map.of();
    private boolean showing;

    DashboardsView(DashboardScreens screens) {
        this.screens = screens;
        setSizeFull();
        chooser.setLabel("Dashboard");
        chooser.setId("dashboard-select");
        chooser.setItemLabelGenerator(Dashboard::name);
        chooser.setMinWidth("16rem");
        chooser.addValueChangeListener(e -> {
            if (!showing) {
                show(Optional.ofNullable(e.getValue()));
            }
        });
        period.setLabel("Period");
        period.setId("dashboard-period");
        period.setItems(DashboardPeriod.Choice.values());
        period.setItemLabelGenerator(DashboardPeriod.Choice::label);
        period.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                changePeriod();
            }
        });
        from.setId("dashboard-from");
        to.setId("dashboard-to");
        from.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                changePeriod();
            }
        });
        to.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                changePeriod();
            }
        });
        everyone.setId("dashboard-everyone");
        everyone.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                change(d -> input(d, d.widgets(), d.period(),
                        new Sharing(e.getValue(), d.sharing().roles(), d.sharing().groups())));
            }
        });
        add.setId("dashboard-add");
        add.addClickListener(e -> addWidget());
        Button create = new Button("New dashboard", VaadinIcon.PLUS_SQUARE_O.create(), e -> newDashboard());
        create.setId("dashboard-new");
        create.setVisible(screens.access().permitted(Reports.BUILD));
        delete.setId("dashboard-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(e -> deleteDashboard());
        defaults.setId("dashboard-defaults");
        defaults.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        defaults.addClickListener(e -> profileDefaults());
        HorizontalLayout bar = new HorizontalLayout(chooser, period, from, to, everyone, add, create, defaults, delete);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        gridSlot.setWidthFull();
        add(new H2("Dashboards"), bar, gridSlot);
        reload(Optional.empty());
    }

    /** Reads the dashboards again and shows the one with this id, else the first. */
    private void reload(Optional<Long> selected) {
        List<Dashboard> all = screens.dashboards().list();
        reports = DashboardGrid.byKey(screens.reports().list());
        showing = true;
        chooser.setItems(all);
        Optional<Dashboard> shown = selected.flatMap(id -> all.stream().filter(d -> d.id() == id).findFirst())
                .or(() -> all.stream().findFirst());
        chooser.setValue(shown.orElse(null));
        showing = false;
        show(shown);
    }

    private void show(Optional<Dashboard> dashboard) {
        gridSlot.removeAll();
        boolean editable = dashboard.map(screens.dashboards()::mayChange).orElse(false);
        period.setVisible(dashboard.isPresent());
        period.setReadOnly(!editable);
        everyone.setVisible(editable && screens.access().permitted(Reports.SHARE));
        add.setVisible(editable);
        delete.setVisible(editable);
        defaults.setVisible(dashboard.isPresent() && screens.access().permitted(Reports.ADMIN));
        dashboard.ifPresent(d -> {
            period.setValue(d.period().choice());
            from.setValue(d.period().from().orElse(null));
            to.setValue(d.period().to().orElse(null));
            everyone.setValue(d.sharing().everyone());
        });
        boolean custom = dashboard.map(d -> d.period().choice() == DashboardPeriod.Choice.CUSTOM).orElse(false);
        from.setVisible(custom);
        to.setVisible(custom);
        from.setReadOnly(!editable);
        to.setReadOnly(!editable);
        if (dashboard.isEmpty()) {
            gridSlot.add(new com.vaadin.flow.component.html.Paragraph(screens.access().permitted(Reports.BUILD)
                    ? "No dashboard yet: make one with New dashboard." : "No dashboard is shared with you yet."));
            return;
        }
        Dashboard d = dashboard.get();
        Optional<WidgetCard.Arranging> arranging = editable ? Optional.of(new WidgetCard.Arranging() {
            @Override
            public void move(int fromIndex, int toIndex) {
                change(x -> input(x, Layout.move(x.widgets(), fromIndex, toIndex), x.period(), x.sharing()));
            }

            @Override
            public void remove(int index) {
                change(x -> input(x, Layout.remove(x.widgets(), index), x.period(), x.sharing()));
            }
        }) : Optional.empty();
        gridSlot.add(new DashboardGrid(screens, "dashboard-grid", d, reports, arranging));
    }

    /** Saves a change of the shown dashboard and shows it as saved. */
    private void change(UnaryOperator<DashboardInput> change) {
        Dashboard current = chooser.getValue();
        if (current == null) {
            return;
        }
        try {
            DashboardInput input = change.apply(input(current, current.widgets(), current.period(), current.sharing()));
            Dashboard saved = screens.dashboards().save(input);
            reload(Optional.of(saved.id()));
        } catch (IllegalArgumentException e) {
            Toasts.error(e.getMessage());
        } catch (CrmException e) {
            Toasts.error(e.getMessage());
            reload(Optional.of(current.id()));
        }
    }

    private static DashboardInput input(Dashboard d, List<Widget> widgets, DashboardPeriod period, Sharing sharing) {
        return new DashboardInput(d.id(), d.version(), d.name(), sharing, period, widgets);
    }

    private static DashboardInput input(DashboardInput d, List<Widget> widgets, DashboardPeriod period,
            Sharing sharing) {
        return new DashboardInput(d.id(), d.version(), d.name(), sharing, period, widgets);
    }

    private void changePeriod() {
        DashboardPeriod.Choice choice = period.getValue();
        if (choice == null) {
            return;
        }
        boolean custom = choice == DashboardPeriod.Choice.CUSTOM;
        from.setVisible(custom);
        to.setVisible(custom);
        if (custom && (from.getValue() == null || to.getValue() == null)) {
            return; // saved once both days are there
        }
        if (custom && to.getValue().isBefore(from.getValue())) {
            Toasts.error("The period ends before it starts.");
            return;
        }
        DashboardPeriod chosen = custom ? DashboardPeriod.custom(from.getValue(), to.getValue())
                : DashboardPeriod.of(choice);
        change(d -> input(d, d.widgets(), chosen, d.sharing()));
    }

    private void addWidget() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add a widget");
        ComboBox<ReportInfo> report = new ComboBox<>("Report");
        report.setId("dashboard-add-report");
        report.setItems(reports.values().stream()
                .sorted(Comparator.comparing((ReportInfo r) -> r.name().toLowerCase(java.util.Locale.ROOT))).toList());
        report.setItemLabelGenerator(ReportInfo::name);
        report.setWidth("24rem");
        Select<Integer> width = new Select<>();
        width.setLabel("Width");
        width.setItems(1, 2, 3, 4);
        width.setItemLabelGenerator(w -> w + (w == 1 ? " column" : " columns"));
        width.setValue(Widget.DEFAULT_WIDTH);
        Button confirm = new Button("Add", e -> {
            if (report.getValue() == null) {
                report.setInvalid(true);
                report.setErrorMessage("Pick a report");
                return;
            }
            dialog.close();
            change(d -> input(d, Layout.add(d.widgets(), new Widget(report.getValue().key(), width.getValue())),
                    d.period(), d.sharing()));
        });
        confirm.setId("dashboard-add-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(report, width));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void newDashboard() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New dashboard");
        TextField name = new TextField("Name");
        name.setId("dashboard-name");
        name.setMaxLength(DashboardRules.MAX_NAME);
        name.setWidth("20rem");
        Button create = new Button("Create", e -> {
            try {
                Dashboard saved = screens.dashboards().save(new DashboardInput(0, 0, name.getValue(), Sharing.PRIVATE,
                        DashboardPeriod.of(DashboardPeriod.Choice.THIS_YEAR), List.of()));
                dialog.close();
                reload(Optional.of(saved.id()));
            } catch (CrmException ex) {
                name.setInvalid(true);
                name.setErrorMessage(ex.getMessage());
            }
        });
        create.setId("dashboard-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(name);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
        name.focus();
    }

    /** Reports admins: which profiles see the shown dashboard on their Home page. */
    private void profileDefaults() {
        Dashboard current = chooser.getValue();
        if (current == null) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Home page dashboard of profiles");
        Map<Long, Long> shown = screens.dashboards().defaults();
        VerticalLayout rows = new VerticalLayout();
        for (ProfileInfo profile : screens.dashboards().profiles()) {
            if (profile.id() == null) {
                continue;
            }
            Checkbox box = new Checkbox(profile.name(), Long.valueOf(current.id()).equals(shown.get(profile.id())));
            box.setId("dashboard-default-" + profile.id());
            Long other = shown.get(profile.id());
            if (other != null && other != current.id()) {
                box.setHelperText("Now shows another dashboard; ticking replaces it");
            }
            box.addValueChangeListener(e -> {
                try {
                    screens.dashboards().setDefault(profile.id(), e.getValue() ? Optional.of(current.id())
                            : Optional.empty());
                } catch (CrmException ex) {
                    Toasts.error(ex.getMessage());
                }
            });
            rows.add(box);
        }
        dialog.add(new com.vaadin.flow.component.html.Paragraph("The users of a ticked profile see " + current.name()
                + " on their Home page, read-only; its widgets run as each of them."), rows);
        Button close = new Button("Close", e -> dialog.close());
        close.setId("dashboard-defaults-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void deleteDashboard() {
        Dashboard current = chooser.getValue();
        if (current == null) {
            return;
        }
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Delete the dashboard " + current.name() + "?");
        Button yes = new Button("Delete", e -> {
            confirm.close();
            try {
                screens.dashboards().delete(current.id(), current.version());
            } catch (CrmException ex) {
                Toasts.error(ex.getMessage());
            }
            reload(Optional.empty());
        });
        yes.setId("dashboard-delete-confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.getFooter().add(new Button("Cancel", e -> confirm.close()), yes);
        confirm.open();
    }
}
