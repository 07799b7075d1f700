package org.tesseracrm.opportunities.internal.ui;

import java.util.List;
import java.util.Map;

import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.opportunities.api.OpportunityContact;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.internal.service.OpportunityRecordType;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;

/**
 * The opportunities a contact takes part in, with their role, on the contact's form. Element ids
 * {@code contact-opportunities}, {@code contact-opportunities-grid}.
 */
class ContactOpportunitiesPanel extends Details {
    private static final long serialVersionUID = 1L;

    ContactOpportunitiesPanel(OpportunityPhases phases, Records records, long contactId) {
        super("Opportunities");
        setId("contact-opportunities");
        setWidthFull();
        List<OpportunityContact> links = phases.opportunitiesOf(contactId);
        Map<Long, String> titles = records.shownTitles(OpportunityRecordType.ID,
                links.stream().map(OpportunityContact::opportunityId).toList());
        Grid<OpportunityContact> grid = new Grid<>();
        grid.setId("contact-opportunities-grid");
        grid.addColumn(link -> titles.getOrDefault(link.opportunityId(), "")).setHeader("Opportunity").setFlexGrow(2);
        grid.addColumn(OpportunityContact::role).setHeader("Role").setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.setItems(links);
        add(grid);
        setOpened(!links.isEmpty());
    }
}
