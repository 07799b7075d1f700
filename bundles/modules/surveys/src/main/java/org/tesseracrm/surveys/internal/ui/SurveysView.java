package org.tesseracrm.surveys.internal.ui;

import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;
import org.tesseracrm.surveys.internal.service.SurveyRecordType;

/** The survey responses list and form, both the kit's. */
public class SurveysView extends RecordsView {
    private static final long serialVersionUID = 1L;

    /** @param kit the record kit */
    public SurveysView(RecordKit kit) {
        super(kit, SurveyRecordType.ID, "surveys", "survey");
    }
}
