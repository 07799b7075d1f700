package org.tesseracrm.opportunities.internal.ui;

import org.tesseracrm.kernel.ui.kit.RecordBoard;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.internal.service.OpportunityRecordType;

/**
 * The opportunities list and form, both the kit's; the module adds panels to the form. Its board groups by phase in
 * the admin's order, sums amount and expected amount per phase, offers the "closing this/next month" quick filters
 * on the close date, and moves a card with {@link OpportunityPhases#move} (so "move phase" is enough; a lost phase
 * asks for the lost reason).
 */
public class OpportunitiesView extends RecordsView {
    private static final long serialVersionUID = 1L;
    private static final String LOST_REASON = "lostReason";

    /**
     * @param kit the record kit
     * @param phases moves a card to another phase
     */
    public OpportunitiesView(RecordKit kit, OpportunityPhases phases) {
        super(kit, OpportunityRecordType.ID, "opportunities", "opportunity");
        offerBoard(RecordBoard.Settings.defaults().groupedBy("phase")
                .cards("name", "company", "amount", "expectedAmount", "closeDate")
                .summing("amount", "expectedAmount")
                .closingOn("closeDate")
                .movedBy((row, phase, also) -> phases.move(row.id(), row.version(), phase.orElse(""),
                        also.value(LOST_REASON).map(String::valueOf)
                                .orElseGet(() -> also.texts().getOrDefault(LOST_REASON, "")))));
    }
}
