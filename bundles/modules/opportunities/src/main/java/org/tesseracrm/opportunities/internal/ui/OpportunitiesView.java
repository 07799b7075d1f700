package org.tesseracrm.opportunities.internal.ui;

import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;
import org.tesseracrm.opportunities.internal.service.OpportunityRecordType;

/** The opportunities list and form, both the kit's; the module adds panels to the form. */
public class OpportunitiesView extends RecordsView {
    private static final long serialVersionUID = 1L;

    /** @param kit the record kit */
    public OpportunitiesView(RecordKit kit) {
        super(kit, OpportunityRecordType.ID, "opportunities", "opportunity");
    }
}
