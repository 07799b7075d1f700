package org.tesseracrm.leads.internal.ui;

import org.tesseracrm.kernel.ui.kit.RecordBoard;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;
import org.tesseracrm.leads.api.LeadConversion;
import org.tesseracrm.leads.internal.service.LeadRecordType;

/**
 * The leads list and form, both the kit's (the module's Convert… and Discard… join the form through
 * {@link LeadActions}), with a board grouped by status in the admin's order. A card moved to "Discarded" asks for
 * the reason and is discarded through the service; "Converted" is reached only through Convert…. Element ids are
 * the kit's with the prefixes {@code leads} (list, {@code leads-board-toggle}) and {@code lead} (form).
 */
public class LeadsView extends RecordsView {
    private static final long serialVersionUID = 1L;

    /**
     * @param kit the record kit
     * @param conversion discards a card moved to "Discarded"
     */
    public LeadsView(RecordKit kit, LeadConversion conversion) {
        super(kit, LeadRecordType.ID, "leads", "lead");
        offerBoard(RecordBoard.Settings.defaults().groupedBy(LeadRecordType.STATUS)
                .cards("firstName", "lastName", "companyName", "rating", "source")
                .movedBy(new LeadMoves(kit.records(), conversion)));
    }
}
