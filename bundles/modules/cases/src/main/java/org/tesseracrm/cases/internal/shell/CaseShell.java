package org.tesseracrm.cases.internal.shell;

import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.kernel.api.record.RecordRow;

/** How the case commands print a case: one line. */
final class CaseShell {
    private CaseShell() {
    }

    /**
     * @param row a case
     * @return e.g. {@code QUE-000042 (id 17) Complaint, New, Urgent "Late delivery" due 2026-12-07T09:40}
     */
    static String line(RecordRow row) {
        return row.text(CaseFields.NUMBER) + " (id " + row.id() + ") " + row.text(CaseFields.CASE_TYPE) + ", "
                + row.text(CaseFields.STATUS) + ", " + row.text(CaseFields.PRIORITY) + " \""
                + row.text(CaseFields.SUBJECT) + "\"" + row.dateTime(CaseFields.SLA_DUE_AT).map(d -> " due " + d)
                .orElse("");
    }
}
