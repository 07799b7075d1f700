package org.tesseracrm.faq.internal.ui;

import org.tesseracrm.faq.api.FaqFields;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;

/**
 * The FAQs list and form, both the kit's; the list shows what the user sees (published FAQs, and drafts for users
 * who may edit FAQs). The answer shows rendered on the form ({@link AnswerPanel}). Element ids are the kit's with the
 * prefixes {@code faqs} (list) and {@code faq} (form).
 */
public class FaqsView extends RecordsView {
    private static final long serialVersionUID = 1L;

    /** @param kit the record kit */
    public FaqsView(RecordKit kit) {
        super(kit, FaqFields.RECORD_TYPE, "faqs", "faq");
    }
}
