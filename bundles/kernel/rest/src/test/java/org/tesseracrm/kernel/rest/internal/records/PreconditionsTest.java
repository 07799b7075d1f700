package org.tesseracrm.kernel.rest.internal.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.rest.internal.ProblemException;

class PreconditionsTest {

    @Test
    void theETagIsTheVersionInQuotes() {
        assertEquals("\"3\"", Preconditions.tag(3).toString());
    }

    @Test
    void ifMatchNamesTheVersionTheChangeIsMadeOn() {
        assertEquals(OptionalLong.of(3), Preconditions.ifMatch("\"3\"", true));
        assertEquals(OptionalLong.of(12), Preconditions.ifMatch(" \"12\" ", false));
        assertEquals(OptionalLong.empty(), Preconditions.ifMatch("*", true), "any version");
    }

    @Test
    void aChangeWithoutIfMatchIsRefusedWith428() {
        assertEquals(428, assertThrows(ProblemException.class, () -> Preconditions.ifMatch(null, true)).problem().status());
        assertEquals(428, assertThrows(ProblemException.class, () -> Preconditions.ifMatch(" ", true)).problem().status());
        assertEquals(OptionalLong.empty(), Preconditions.ifMatch(null, false), "a delete may go without");
    }

    @Test
    void somethingElseThanOneStrongETagIsRefusedWith400() {
        for (String header : new String[] {"3", "W/\"3\"", "\"3\", \"4\"", "\"x\"", "\"-1\""}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> Preconditions.ifMatch(header, true), header);
            assertEquals(400, refused.problem().status());
            assertEquals("If-Match", refused.problem().errors().get(0).field());
        }
    }

    @Test
    void aStaleVersionIs412() {
        assertEquals(412, Preconditions.stale(3).problem().status());
        assertEquals("Precondition Failed", Preconditions.stale(3).problem().title());
    }
}
