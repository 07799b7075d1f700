package com.example.loyalty.internal.ui;

import com.example.loyalty.api.RewardService;

import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;

/**
 * The rewards list and form, both the UI kit's: search, filters, saved views, columns, inline edit,
 * bulk actions, import and export, and a form with notes, attachments and history.
 */
public class RewardsView extends RecordsView {
    private static final long serialVersionUID = 1L;

    /** @param kit the record kit */
    public RewardsView(RecordKit kit) {
        super(kit, RewardService.RECORD_TYPE, "rewards", "reward");
    }
}
