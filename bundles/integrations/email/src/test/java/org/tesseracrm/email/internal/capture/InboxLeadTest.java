package org.tesseracrm.email.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A lead made of a message's sender: names and e-mail from its From. */
class InboxLeadTest {
    @Test
    void splitsTheSenderNameAndKeepsTheAddress() {
        assertEquals(Map.of("firstName", "Alice Mary", "lastName", "Example", "email", "alice@example.com"),
                Inbox.leadValues("\"Alice Mary Example\" <Alice@Example.com>"));
        assertEquals(Map.of("lastName", "Cher", "email", "cher@example.com"), Inbox.leadValues("Cher <cher@example.com>"));
    }

    @Test
    void aSenderWithoutNameIsNamedByTheAddress() {
        assertEquals(Map.of("lastName", "bob.smith", "email", "bob.smith@example.com"),
                Inbox.leadValues("bob.smith@example.com"));
        assertEquals(Map.of("lastName", "x"), Inbox.leadValues("x"));
    }
}
