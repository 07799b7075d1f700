package org.tesseracrm.leads.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordRow;

class LeadRulesTest {
    private static RecordRow row(Map<String, Object> values) {
        return new RecordRow(3, 1, values);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aPlainCreateMayNotSetWhatTheServiceSets() {
        assertEquals(List.of(), LeadLifecycle.createErrors(row(Map.of("lastName", "L", "status", "Qualified"))));
        assertEquals(List.of("status"), fields(LeadLifecycle.createErrors(row(Map.of("status", "Converted")))));
        assertEquals(List.of("status"), fields(LeadLifecycle.createErrors(row(Map.of("status", "Discarded")))));
        assertEquals(List.of("convertedContact"), fields(LeadLifecycle.createErrors(row(Map.of("convertedContact", 4L)))));
        assertEquals(List.of("discardReason"), fields(LeadLifecycle.createErrors(row(Map.of("discardReason", "Other")))));
    }

    @Test
    void aPlainEditMayNotConvertDiscardOrChangeTheLinks() {
        RecordRow open = row(Map.of("lastName", "L", "status", "Contacted"));
        assertEquals(List.of(), LeadLifecycle.updateErrors(open, row(Map.of("lastName", "M", "status", "Qualified"))));
        assertEquals(List.of("status"), fields(LeadLifecycle.updateErrors(open, row(Map.of("status", "Converted")))));
        assertEquals(List.of("status", "discardReason"), fields(LeadLifecycle.updateErrors(open,
                row(Map.of("status", "Discarded", "discardReason", "Other")))));
        assertEquals(List.of("convertedAt"), fields(LeadLifecycle.updateErrors(open,
                row(Map.of("status", "Contacted", "convertedAt", LocalDateTime.of(2026, 1, 1, 0, 0))))));
        RecordRow discarded = row(Map.of("status", "Discarded", "discardReason", "Other"));
        assertEquals(List.of(), LeadLifecycle.updateErrors(discarded, discarded), "an unchanged form passes");
        assertEquals(List.of(), LeadLifecycle.updateErrors(discarded, row(Map.of("status", "New",
                "discardReason", "Other"))), "reopening is an edit");
    }

    @Test
    void aConvertedLeadIsReadOnly() {
        assertEquals(List.of("status"), fields(LeadLifecycle.readOnlyErrors(row(Map.of("status", "Converted")))));
        assertEquals(List.of(), LeadLifecycle.readOnlyErrors(row(Map.of("status", "Discarded"))));
        assertTrue(LeadLifecycle.readOnlyErrors(row(Map.of("status", "Converted"))).get(0).message().contains("read-only"));
    }

    @Test
    void statusesStartAtNewAndTheServiceSetsConvertedAndDiscarded() {
        LeadRecordType type = new LeadRecordType(null);
        List<PickListValue> first = type.initialPickList(LeadRecordType.STATUS);
        assertEquals(List.of("New", "Contacted", "Qualified", "Discarded", "Converted"),
                first.stream().map(PickListValue::value).toList());
        assertTrue(first.get(0).isDefault());
        assertEquals(1, first.stream().filter(PickListValue::isDefault).count());
        assertEquals(Set.of("Converted", "Discarded"), type.moduleValues(LeadRecordType.STATUS));
        assertEquals(Set.of(), type.moduleValues(LeadRecordType.SOURCE));
    }
}
