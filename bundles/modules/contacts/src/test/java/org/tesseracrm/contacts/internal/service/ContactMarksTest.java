package org.tesseracrm.contacts.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.RecordRow;

class ContactMarksTest {
    private final ContactMarks marks = new ContactMarks();

    @Test
    void onlyContactsWithoutEmailAndPhoneAreFlagged() {
        assertEquals("Unreachable", marks.decorate(new RecordRow(1, 0, Map.of("lastName", "Nobody"))).orElseThrow().text());
        assertTrue(marks.decorate(new RecordRow(2, 0, Map.of("phone", "+44 20 7946 0958"))).isEmpty());
        assertTrue(marks.decorate(new RecordRow(3, 0, Map.of("email", "ada@example.org"))).isEmpty());
    }
}
