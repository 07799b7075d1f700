package org.tesseracrm.companies.internal.ui;

import org.tesseracrm.companies.internal.service.CompanyRecordType;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;

/** The companies list and form, both the kit's. */
public class CompaniesView extends RecordsView {
    private static final long serialVersionUID = 1L;

    /** @param kit the record kit */
    public CompaniesView(RecordKit kit) {
        super(kit, CompanyRecordType.ID, "companies", "company");
    }
}
