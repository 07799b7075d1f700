package org.tesseracrm.cases.internal.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tesseracrm.cases.api.CaseFields;

class SlaDecorationTest {
    @Test
    void statesTakeTheColoursActivitiesUseForWhatIsDue() {
        assertEquals("success", SlaDecoration.tone(CaseFields.SLA_ON_TRACK));
        assertEquals("warning", SlaDecoration.tone(CaseFields.SLA_AT_RISK));
        assertEquals("error", SlaDecoration.tone(CaseFields.SLA_BREACHED));
        assertEquals("contrast", SlaDecoration.tone(CaseFields.SLA_PAUSED));
        assertEquals("success", SlaDecoration.tone(CaseFields.SLA_MET));
        assertEquals("", SlaDecoration.tone(""));
        assertTrue(SlaDecoration.mark("", "").isEmpty(), "a case without an SLA has no badge");
        assertEquals("Past its due time (due 2026-12-07 09:30 UTC).",
                SlaDecoration.mark(CaseFields.SLA_BREACHED, "2026-12-07T09:30").orElseThrow().hint());
    }
}
