package org.tesseracrm.email.internal.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BulkReportTest {
    @Test
    void sumsUpEachOutcomeNamingTheRecords() {
        BulkReport report = new BulkReport();
        for (int i = 0; i < 12; i++) {
            report.queued();
        }
        report.withoutAddress("Ada Lovelace");
        report.withoutAddress("Bob Bar");
        report.suppressed("Carl Cox", "carl@x.example");
        report.failed("Dora Day", "Set up a mail account first");
        assertEquals("12 queued; 2 without an e-mail address: Ada Lovelace, Bob Bar; 1 unsubscribed or bounced, "
                + "skipped: Carl Cox (carl@x.example); 1 not sent: Dora Day (Set up a mail account first).",
                report.summary());
        assertEquals(12, report.queuedCount());
    }

    @Test
    void onlyQueued() {
        BulkReport report = new BulkReport();
        report.queued();
        assertEquals("1 queued.", report.summary());
    }

    @Test
    void namesTenAndCountsTheRest() {
        BulkReport report = new BulkReport();
        for (int i = 1; i <= 1234; i++) {
            report.withoutAddress("R" + i);
        }
        assertEquals("0 queued; 1,234 without an e-mail address: R1, R2, R3, R4, R5, R6, R7, R8, R9, R10 and 1,224 more.",
                report.summary());
    }
}
