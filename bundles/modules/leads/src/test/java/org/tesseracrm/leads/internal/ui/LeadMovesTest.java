package org.tesseracrm.leads.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.leads.api.LeadConversion;

class LeadMovesTest {
    private final List<String> calls = new ArrayList<>();
    private final RecordRow card = new RecordRow(5, 2, Map.of("status", "New"));
    private final LeadMoves moves = new LeadMoves(fake(Records.class), fake(LeadConversion.class));

    @Test
    void changesTheStatusThroughTheRecordPlatform() {
        moves.move(card, Optional.of("Qualified"), RecordValues.empty());
        assertEquals(List.of("update lead 5 2 {status=Optional[Qualified]}"), calls);
    }

    @Test
    void asksForTheReasonThenDiscardsThroughTheService() {
        ValidationException ask = assertThrows(ValidationException.class,
                () -> moves.move(card, Optional.of("Discarded"), RecordValues.empty()));
        assertEquals("discardReason", ask.errors().get(0).field(), "a field the board's dialog asks for");
        assertEquals(List.of(), calls);

        moves.move(card, Optional.of("Discarded"), RecordValues.builder().set("discardReason", "No budget").build());
        assertEquals(List.of("discard 5 2 No budget"), calls);
    }

    @Test
    void neverConvertsFromTheBoard() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> moves.move(card, Optional.of("Converted"), RecordValues.empty()));
        assertEquals("status", e.errors().get(0).field(), "the board shows it as a message");
        assertEquals(List.of(), calls);
    }

    /** A service that records the calls the mover makes and answers the card. */
    @SuppressWarnings("unchecked")
    private <T> T fake(Class<T> type) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "update" -> calls.add("update " + args[0] + " " + args[1] + " " + args[2] + " "
                        + ((RecordValues) args[3]).typed());
                case "discard" -> calls.add("discard " + args[0] + " " + args[1] + " " + args[2]);
                default -> throw new UnsupportedOperationException(method.getName());
            }
            return card;
        });
    }
}
