package org.tesseracrm.opportunities.internal.ui;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.internal.OpportunitiesModule;
import org.tesseracrm.opportunities.internal.service.OpportunityRecordType;

import com.vaadin.flow.component.Component;

/** The contact roles as related lists: on the opportunity form its contacts, on the contact form its opportunities. */
public final class ContactsPanelContributions {
    private ContactsPanelContributions() {
    }

    /** The opportunity's contacts, first of the module's panels. */
    @org.osgi.service.component.annotations.Component(service = RecordPanel.class,
            property = {RecordType.ID + "=" + OpportunityRecordType.ID, RecordPanel.ORDER + ":Integer=10"})
    public static class OnOpportunity implements RecordPanel {
        private final OpportunityPhases phases;
        private final Records records;
        private final AccessControl access;

        /**
         * @param phases the contact roles
         * @param records the contacts' titles and lookup
         * @param access who may see and change them
         */
        @Activate
        public OnOpportunity(@Reference OpportunityPhases phases, @Reference Records records,
                @Reference AccessControl access) {
            this.phases = phases;
            this.records = records;
            this.access = access;
        }

        @Override
        public Optional<Component> create(String recordType, long recordId, String title) {
            if (!access.permitted(OpportunitiesModule.VIEW)) {
                return Optional.empty();
            }
            return Optional.of(new OpportunityContactsPanel(phases, records, recordId,
                    access.permitted(OpportunitiesModule.EDIT) && access.permitted("contacts.view")));
        }
    }

    /** The contact's opportunities. */
    @org.osgi.service.component.annotations.Component(service = RecordPanel.class,
            property = {RecordType.ID + "=contact", RecordPanel.ORDER + ":Integer=40"})
    public static class OnContact implements RecordPanel {
        private final OpportunityPhases phases;
        private final Records records;
        private final AccessControl access;

        /**
         * @param phases the contact roles
         * @param records the opportunities' titles
         * @param access hides the panel from users who may not see opportunities
         */
        @Activate
        public OnContact(@Reference OpportunityPhases phases, @Reference Records records,
                @Reference AccessControl access) {
            this.phases = phases;
            this.records = records;
            this.access = access;
        }

        @Override
        public Optional<Component> create(String recordType, long recordId, String title) {
            if (!access.permitted(OpportunitiesModule.VIEW)) {
                return Optional.empty();
            }
            return Optional.of(new ContactOpportunitiesPanel(phases, records, recordId));
        }
    }
}
