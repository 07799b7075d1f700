package org.tesseracrm.cases.internal.ui;

import java.util.Arrays;
import java.util.Map;

import org.tesseracrm.cases.api.CaseType;
import org.tesseracrm.cases.api.Cases;
import org.tesseracrm.cases.api.StatusKind;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * Administration of case types with their number prefixes and of the kind of each status. Element ids:
 * {@code case-type-name}, {@code case-type-prefix}, {@code case-type-save}, {@code case-types-grid},
 * {@code case-statuses-grid}; each status row's kind chooser has the class {@code case-status-kind}. The status
 * values themselves (add, rename, order, deactivate) are the record platform's pick-list page for field Status.
 */
public class CaseSettingsView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient Cases cases;
    private final Grid<CaseType> types = new Grid<>();
    private final Grid<Map.Entry<String, StatusKind>> statuses = new Grid<>();

    /** @param cases the cases service, which checks {@code cases.configure} */
    public CaseSettingsView(Cases cases) {
        this.cases = cases;
        setId("case-settings-view");
        TextField name = new TextField("Case type");
        name.setId("case-type-name");
        name.setMaxLength(100);
        TextField prefix = new TextField("Prefix");
        prefix.setId("case-type-prefix");
        prefix.setMaxLength(10);
        prefix.setPlaceholder("WAR");
        Button save = new Button("Save type", e -> {
            name.setInvalid(false);
            prefix.setInvalid(false);
            try {
                CaseType saved = cases.saveType(name.getValue(), prefix.getValue());
                Notification.show("New " + saved.name() + " cases are numbered " + saved.prefix() + "-000001 on.");
                name.clear();
                prefix.clear();
                refresh();
            } catch (ValidationException ex) {
                ex.errors().forEach(error -> {
                    TextField field = "prefix".equals(error.field()) ? prefix : name;
                    field.setInvalid(true);
                    field.setErrorMessage(error.message());
                });
            } catch (CrmException ex) {
                error(ex.getMessage());
            }
        });
        save.setId("case-type-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout typeRow = new HorizontalLayout(name, prefix, save);
        typeRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        types.setId("case-types-grid");
        types.addColumn(CaseType::name).setHeader("Type").setAutoWidth(true);
        types.addColumn(CaseType::prefix).setHeader("Prefix").setAutoWidth(true);
        types.addColumn(t -> t.active() ? "" : "inactive").setHeader("").setAutoWidth(true);
        types.addItemClickListener(e -> {
            name.setValue(e.getItem().name());
            prefix.setValue(e.getItem().prefix());
        });
        types.setAllRowsVisible(true);

        statuses.setId("case-statuses-grid");
        statuses.addColumn(Map.Entry::getKey).setHeader("Status").setAutoWidth(true);
        statuses.addComponentColumn(entry -> {
            ComboBox<StatusKind> kind = new ComboBox<>();
            kind.addClassName("case-status-kind");
            kind.setItems(Arrays.asList(StatusKind.values()));
            kind.setItemLabelGenerator(StatusKind::code);
            kind.setValue(entry.getValue());
            kind.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    try {
                        cases.setStatusKind(entry.getKey(), e.getValue());
                        Notification.show(entry.getKey() + " is now " + e.getValue().code() + ".");
                    } catch (CrmException ex) {
                        error(ex instanceof ValidationException v ? v.errors().get(0).message() : ex.getMessage());
                        kind.setValue(e.getOldValue());
                    }
                }
            });
            return kind;
        }).setHeader("Kind").setAutoWidth(true);
        statuses.setAllRowsVisible(true);

        add(new H2("Case settings"), new H3("Case types and number prefixes"), new Paragraph("A case's type is chosen "
                + "first and gives its number: the type's prefix and the next number of that prefix, e.g. QUE-000123. "
                + "A changed prefix applies to new cases; numbers given keep theirs. Click a type to change its "
                + "prefix."), typeRow, types, new H3("Status kinds"), new Paragraph("Each status is open, waiting "
                + "(the SLA clock pauses), solved (a solution is required) or closed. A status without a kind is "
                + "open. Add or rename statuses in the pick-list of the Status field."), statuses);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return "Case settings";
    }

    private void refresh() {
        types.setItems(cases.types());
        statuses.setItems(cases.statusKinds().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList());
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
