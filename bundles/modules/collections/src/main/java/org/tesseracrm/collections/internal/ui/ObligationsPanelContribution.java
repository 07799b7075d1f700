package org.tesseracrm.collections.internal.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.collections.api.CollectionFields;
import org.tesseracrm.collections.api.Receivables;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/** Adds the obligations ({@link ObligationsPanel}) to the collection form, first among the panels. */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + CollectionFields.RECORD_TYPE, RecordPanel.ORDER + ":Integer=-10"})
public class ObligationsPanelContribution implements RecordPanel {
    private final Receivables receivables;
    private final RecordKit kit;
    private final AccessControl access;

    /**
     * @param receivables reads and saves the obligations
     * @param kit reads the collection, opens it again after a save
     * @param access whether the user may change the obligations
     */
    @Activate
    public ObligationsPanelContribution(@Reference Receivables receivables, @Reference RecordKit kit,
            @Reference AccessControl access) {
        this.receivables = receivables;
        this.kit = kit;
        this.access = access;
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        return ObligationsPanel.of(receivables, kit, access, recordId).map(Component.class::cast);
    }
}
