package org.tesseracrm.leads.internal.ui;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.leads.api.FieldMapping;
import org.tesseracrm.leads.internal.service.LeadRecordType;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * Administration of the lead conversion's field mapping: which lead field fills which field of the company, contact
 * or opportunity a conversion creates. The module's built-in mapping of predefined fields is listed and marked, and
 * cannot be removed; the admin adds mappings (custom fields mostly) and removes them. Element ids
 * {@code lead-conversion-view}, {@code lead-mappings-grid}, {@code lead-mapping-lead-field},
 * {@code lead-mapping-type}, {@code lead-mapping-target-field}, {@code lead-mapping-add}; rows' remove buttons have
 * the class {@code lead-mapping-remove}.
 */
public class LeadConversionView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;
    private static final List<String> TARGETS = List.of("company", "contact", "opportunity");

    private final transient LeadServices services;
    private final Grid<FieldMapping> grid = new Grid<>();
    private final Select<FieldDefinition> leadField = new Select<>();
    private final Select<String> targetType = new Select<>();
    private final Select<FieldDefinition> targetField = new Select<>();

    LeadConversionView(LeadServices services) {
        this.services = services;
        setId("lead-conversion-view");
        grid.setId("lead-mappings-grid");
        grid.addColumn(m -> services.label(LeadRecordType.ID, m.leadField())).setHeader("Lead field").setFlexGrow(2);
        grid.addColumn(m -> typeLabel(m.targetType())).setHeader("Becomes a field of").setAutoWidth(true);
        grid.addColumn(m -> services.label(m.targetType(), m.targetField())).setHeader("Field").setFlexGrow(2);
        grid.addColumn(m -> m.builtIn() ? "Built-in" : "Added").setHeader("Kind").setAutoWidth(true);
        grid.addComponentColumn(this::remove).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H2("Lead conversion"), new Paragraph("When a lead is converted, each lead field below fills the "
                + "field it is mapped to in the company, contact or opportunity the conversion creates. The built-in "
                + "mapping covers the predefined fields; map your custom fields here. A field linked instead of "
                + "created keeps its values."), addForm(), grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return "Lead conversion";
    }

    private HorizontalLayout addForm() {
        leadField.setId("lead-mapping-lead-field");
        leadField.setLabel("Lead field");
        leadField.setItems(services.fieldsOf(LeadRecordType.ID).stream().filter(LeadConversionView::readable).toList());
        leadField.setItemLabelGenerator(FieldDefinition::label);
        targetType.setId("lead-mapping-type");
        targetType.setLabel("Record type");
        targetType.setItems(TARGETS.stream().filter(t -> services.type(t).isPresent()).toList());
        targetType.setItemLabelGenerator(this::typeLabel);
        targetField.setId("lead-mapping-target-field");
        targetField.setLabel("Field");
        targetField.setItemLabelGenerator(FieldDefinition::label);
        targetType.addValueChangeListener(e -> targetField.setItems(e.getValue() == null ? List.of()
                : services.fieldsOf(e.getValue()).stream().filter(LeadConversionView::settable).toList()));
        Button add = new Button("Add mapping", e -> add());
        add.setId("lead-mapping-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(leadField, new Span("→"), targetType, targetField, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return form;
    }

    /** Lead fields a mapping may read: what an import sets, except the owner, the status and the service's fields. */
    private static boolean readable(FieldDefinition field) {
        return settable(field) && !field.name().startsWith("converted")
                && !LeadRecordType.DISCARD_REASON.equals(field.name()) && !LeadRecordType.STATUS.equals(field.name());
    }

    /** Fields a mapping may fill: what an import sets, except the owner (the service refuses its own fields). */
    private static boolean settable(FieldDefinition field) {
        return field.importable() && !"OWNER".equals(field.column());
    }

    private void add() {
        leadField.setInvalid(false);
        targetType.setInvalid(false);
        targetField.setInvalid(false);
        if (leadField.getValue() == null || targetType.getValue() == null || targetField.getValue() == null) {
            Notification.show("Choose the lead field, the record type and its field.");
            return;
        }
        try {
            services.conversion().map(new FieldMapping(leadField.getValue().name(), targetType.getValue(),
                    targetField.getValue().name(), false));
            Notification.show("Mapped " + leadField.getValue().label() + " to " + typeLabel(targetType.getValue())
                    + " " + targetField.getValue().label() + ".");
            refresh();
        } catch (ValidationException e) {
            // the service names leadField, targetType or targetField; anything else goes under the field
            Map<String, List<FieldError>> byField = e.errors().stream().collect(Collectors.groupingBy(
                    err -> "leadField".equals(err.field()) || "targetType".equals(err.field()) ? err.field()
                            : "targetField"));
            byField.forEach((field, errors) -> {
                Select<?> select = switch (field) {
                    case "leadField" -> leadField;
                    case "targetType" -> targetType;
                    default -> targetField;
                };
                select.setErrorMessage(join(errors));
                select.setInvalid(true);
            });
        } catch (CrmException e) {
            LeadServices.error(e.getMessage());
        }
    }

    private static String join(List<FieldError> errors) {
        return errors.stream().map(FieldError::message).collect(Collectors.joining(" "));
    }

    private Button remove(FieldMapping mapping) {
        Button remove = new Button("Remove", e -> {
            try {
                services.conversion().unmap(mapping.leadField(), mapping.targetType());
                Notification.show("Removed the mapping of " + services.label(LeadRecordType.ID, mapping.leadField())
                        + " to " + typeLabel(mapping.targetType()) + ".");
                refresh();
            } catch (CrmException ex) {
                LeadServices.error(ex.getMessage());
            }
        });
        remove.addClassName("lead-mapping-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setVisible(!mapping.builtIn());
        return remove;
    }

    private String typeLabel(String type) {
        return services.type(type).map(RecordType::label).orElse(type + " (not installed)");
    }

    private void refresh() {
        grid.setItems(services.conversion().mappings());
    }
}
