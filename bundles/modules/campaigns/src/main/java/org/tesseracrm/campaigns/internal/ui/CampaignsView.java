package org.tesseracrm.campaigns.internal.ui;

import org.tesseracrm.campaigns.api.CampaignFields;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;

/**
 * The campaigns list and form, both the kit's (the segment, sending and results join the form through
 * {@link ResultsPanel}). Element ids are the kit's with the prefixes {@code campaigns} (list) and {@code campaign}
 * (form).
 */
public class CampaignsView extends RecordsView {
    private static final long serialVersionUID = 1L;

    /** @param kit the record kit */
    public CampaignsView(RecordKit kit) {
        super(kit, CampaignFields.RECORD_TYPE, "campaigns", "campaign");
    }
}
