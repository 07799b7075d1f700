package org.tesseracrm.kernel.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.security.Caller;

class CallerContextImplTest {

    private final CallerContextImpl context = new CallerContextImpl();

    @Test
    void bindsTheCallerOnlyWhileTheWorkRuns() {
        assertTrue(context.current().isEmpty());
        Optional<Caller> inside = context.callAs(new Caller("ada"), context::current);
        assertEquals(Optional.of(new Caller("ada")), inside);
        assertTrue(context.current().isEmpty());
    }

    @Test
    void restoresTheOuterCallerAfterNestedCallsAndFailures() {
        context.callAs(new Caller("outer"), () -> {
            assertThrows(IllegalStateException.class, () -> context.callAs(new Caller("inner"), () -> {
                throw new IllegalStateException("boom");
            }));
            assertEquals("outer", context.current().orElseThrow().username());
            return null;
        });
        assertTrue(context.current().isEmpty());
    }
}
