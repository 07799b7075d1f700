package org.tesseracrm.automation.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.automation.internal.engine.RecordTriggers.Kind;
import org.tesseracrm.kernel.api.record.RecordRow;

class RecordTriggersTest {
    private static RecordRow row(Object status, Object amount) {
        Map<String, Object> values = new HashMap<>();
        values.put("status", status);
        values.put("amount", amount);
        return new RecordRow(7, 1, values);
    }

    private static Optional<Map<String, String>> changed(Map<String, String> config, RecordRow before,
            RecordRow after) {
        return RecordTriggers.fires(RecordTriggers.FIELD_CHANGED, config, Kind.UPDATE, Set.of("status", "amount"),
                Optional.of(before), Optional.of(after));
    }

    @Test
    void createdUpdatedAndDeletedFireOnTheirKindOnly() {
        Optional<RecordRow> none = Optional.empty();
        Optional<RecordRow> one = Optional.of(row("New", null));
        assertTrue(RecordTriggers.fires(RecordTriggers.CREATED, Map.of(), Kind.CREATE, Set.of(), none, one).isPresent());
        assertFalse(RecordTriggers.fires(RecordTriggers.CREATED, Map.of(), Kind.UPDATE, Set.of(), one, one).isPresent());
        assertEquals(Map.of("fields", "amount,status"), RecordTriggers.fires(RecordTriggers.UPDATED, Map.of(),
                Kind.UPDATE, Set.of("status", "amount"), one, one).orElseThrow());
        assertTrue(RecordTriggers.fires(RecordTriggers.DELETED, Map.of(), Kind.DELETE, Set.of(), one, none).isPresent());
        assertFalse(RecordTriggers.fires(RecordTriggers.DELETED, Map.of(), Kind.CREATE, Set.of(), none, one).isPresent());
        // "date reached" is a timer, never a change; contributed triggers come as events
        assertFalse(RecordTriggers.fires(RecordTriggers.DATE_REACHED, Map.of("field", "status"), Kind.UPDATE,
                Set.of("status"), one, one).isPresent());
        assertFalse(RecordTriggers.fires("leads.received", Map.of(), Kind.CREATE, Set.of(), none, one).isPresent());
    }

    @Test
    void aFieldChangedFromAndToAValueIgnoringCaseBlankForAny() {
        Map<String, String> config = Map.of("field", "status", "from", "new", "to", "Qualified");
        assertEquals(Map.of("field", "status", "from", "New", "to", "Qualified"),
                changed(config, row("New", null), row("Qualified", null)).orElseThrow());
        assertFalse(changed(config, row("Open", null), row("Qualified", null)).isPresent(), "another from");
        assertFalse(changed(config, row("New", null), row("Lost", null)).isPresent(), "another to");
        assertFalse(changed(Map.of("field", "status"), row("New", null), row("NEW", null)).isPresent(),
                "only the case changed: the same value");
        assertTrue(changed(Map.of("field", "status", "to", "Lost"), row("Open", null), row("Lost", null))
                .isPresent(), "from any");
        assertTrue(changed(Map.of("field", "status", "from", "Open"), row("Open", null), row(null, null))
                .isPresent(), "to any, also to empty");
        assertFalse(changed(Map.of("field", "status"), row("Open", BigDecimal.ONE), row("Open", BigDecimal.TEN))
                .isPresent(), "another field changed");
    }

    @Test
    void numbersCompareByValue() {
        Map<String, String> config = Map.of("field", "amount", "to", "100");
        assertTrue(changed(config, row("A", new BigDecimal("5")), row("A", new BigDecimal("100.00"))).isPresent());
        assertFalse(changed(Map.of("field", "amount"), row("A", new BigDecimal("100")),
                row("A", new BigDecimal("100.00"))).isPresent(), "100 and 100.00 are the same amount");
        assertFalse(RecordTriggers.is("many", new BigDecimal("3")));
        assertTrue(RecordTriggers.is("yes", Boolean.TRUE));
        assertTrue(RecordTriggers.is("false", Boolean.FALSE));
        assertTrue(RecordTriggers.is(" ", "anything"));
    }

    @Test
    void everyBuiltInTriggerHasALabelAndItsSchema() {
        for (String id : RecordTriggers.IDS) {
            assertFalse(RecordTriggers.label(id).isBlank());
        }
        assertEquals(3, RecordTriggers.parameters(RecordTriggers.FIELD_CHANGED).size());
        assertEquals(3, RecordTriggers.parameters(RecordTriggers.DATE_REACHED).size());
        assertTrue(RecordTriggers.parameters(RecordTriggers.CREATED).isEmpty());
    }
}
