package org.tesseracrm.leads.internal.ui;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.leads.api.LeadConversion;
import org.tesseracrm.leads.internal.service.LeadRecordType;

import com.vaadin.flow.component.Component;

/**
 * Adds Convert…, Discard… and the converted lead's banner to the lead form, wherever it is opened (list, board,
 * global search), as a {@link RecordPanel} whose component acts on the form ({@link LeadActions}).
 */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + LeadRecordType.ID, RecordPanel.ORDER + ":Integer=0"})
public class LeadActionsContribution implements RecordPanel {
    private final LeadServices services;

    /**
     * @param conversion converts and discards
     * @param kit opens the forms of what a lead became
     * @param fields pick-lists (discard reasons, opportunity phases) and field labels
     * @param types which record types a conversion can create here
     * @param access shows the actions to users who may use them
     */
    @Activate
    public LeadActionsContribution(@Reference LeadConversion conversion, @Reference RecordKit kit,
            @Reference CustomFields fields, @Reference RecordTypes types, @Reference AccessControl access) {
        this.services = new LeadServices(conversion, kit, fields, types, access);
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        return Optional.of(new LeadActions(services));
    }
}
