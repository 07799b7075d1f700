package org.tesseracrm.cases.internal.ui;

import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.kernel.ui.kit.RecordBoard;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;

/**
 * The cases list and form, both the kit's (Solve… and Close join the form through {@link CaseActions}), with a board
 * grouped by status; a card moved to another status is a plain status change, which the module's rules check (a
 * solved status needs a solution: use the form's Solve…). Element ids are the kit's with the prefixes {@code cases}
 * (list, {@code cases-board-toggle}) and {@code case} (form).
 */
public class CasesView extends RecordsView {
    private static final long serialVersionUID = 1L;

    /** @param kit the record kit */
    public CasesView(RecordKit kit) {
        super(kit, CaseFields.RECORD_TYPE, "cases", "case");
        offerBoard(RecordBoard.Settings.defaults().groupedBy(CaseFields.STATUS)
                .cards(CaseFields.NUMBER, CaseFields.SUBJECT, CaseFields.PRIORITY, CaseFields.RESPONSIBLE,
                        CaseFields.SLA_DUE_AT));
    }
}
