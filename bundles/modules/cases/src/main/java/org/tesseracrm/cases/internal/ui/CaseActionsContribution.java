package org.tesseracrm.cases.internal.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.api.Cases;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;

/**
 * Adds Solve…, Close and the dependency banner to the case form, wherever it is opened (list, board, global search),
 * as a {@link RecordPanel} whose component acts on the form ({@link CaseActions}).
 */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + CaseFields.RECORD_TYPE, RecordPanel.ORDER + ":Integer=0"})
public class CaseActionsContribution implements RecordPanel {
    private final Cases cases;
    private final AccessControl access;

    /**
     * @param cases solves and closes
     * @param access shows the actions to users who may use them
     */
    @Activate
    public CaseActionsContribution(@Reference Cases cases, @Reference AccessControl access) {
        this.cases = cases;
        this.access = access;
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        return Optional.of(new CaseActions(cases, access));
    }
}
