package org.tesseracrm.opportunities.internal.ui;

import java.util.List;
import java.util.Map;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.opportunities.api.OpportunityContact;
import org.tesseracrm.opportunities.api.OpportunityPhases;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The contacts of an opportunity with their roles, on its form; users who may edit it add a contact (found
 * as in a lookup) with a role, or take one off. Element ids: {@code opportunity-contacts},
 * {@code opportunity-contacts-grid}, {@code opportunity-contacts-contact}, {@code opportunity-contacts-role},
 * {@code opportunity-contacts-add}; rows' buttons have the class {@code opportunity-contact-remove}.
 */
class OpportunityContactsPanel extends Details {
    private static final long serialVersionUID = 1L;
    private static final String CONTACT = "contact";

    private final transient OpportunityPhases phases;
    private final transient Records records;
    private final long opportunityId;
    private final Grid<OpportunityContact> grid = new Grid<>();
    private transient Map<Long, String> names = Map.of();

    OpportunityContactsPanel(OpportunityPhases phases, Records records, long opportunityId, boolean mayEdit) {
        super("Contacts");
        this.phases = phases;
        this.records = records;
        this.opportunityId = opportunityId;
        setId("opportunity-contacts");
        setWidthFull();
        grid.setId("opportunity-contacts-grid");
        grid.addColumn(link -> names.getOrDefault(link.contactId(), "")).setHeader("Contact").setFlexGrow(2);
        grid.addColumn(OpportunityContact::role).setHeader("Role").setFlexGrow(1);
        if (mayEdit) {
            grid.addComponentColumn(link -> {
                Button remove = new Button("Remove", e -> {
                    phases.removeContact(opportunityId, link.contactId());
                    refresh();
                });
                remove.addClassName("opportunity-contact-remove");
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                return remove;
            }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        add(grid);
        if (mayEdit) {
            add(adder());
        }
        refresh();
        setOpened(true);
    }

    private HorizontalLayout adder() {
        ComboBox<RecordRef> contact = new ComboBox<>("Contact");
        contact.setId("opportunity-contacts-contact");
        contact.setItemLabelGenerator(RecordRef::title);
        contact.setItems(query -> records.lookup(CONTACT, query.getFilter().orElse(""),
                query.getOffset() + query.getLimit()).stream().skip(query.getOffset()).limit(query.getLimit()));
        TextField role = new TextField("Role");
        role.setId("opportunity-contacts-role");
        role.setPlaceholder("e.g. Decision maker");
        role.setMaxLength(100);
        Button add = new Button("Add contact", e -> {
            if (contact.getValue() == null) {
                contact.setInvalid(true);
                contact.setErrorMessage("Choose a contact");
                return;
            }
            try {
                phases.putContact(opportunityId, contact.getValue().id(), role.getValue());
                contact.clear();
                role.clear();
                refresh();
            } catch (ValidationException ex) {
                Notification.show(ex.getMessage());
            }
        });
        add.setId("opportunity-contacts-add");
        HorizontalLayout row = new HorizontalLayout(contact, role, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void refresh() {
        List<OpportunityContact> links = phases.contacts(opportunityId);
        names = records.shownTitles(CONTACT, links.stream().map(OpportunityContact::contactId).toList());
        grid.setItems(links);
    }
}
