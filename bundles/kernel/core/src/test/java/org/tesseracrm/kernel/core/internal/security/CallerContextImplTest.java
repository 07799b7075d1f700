package org.tesseracrm.kernel.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
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

    @Test
    void aTokenBindsItsUserAndStaysThroughNestedCallsUntilTheWorkEnds() {
        ApiToken token = new ApiToken(7, "sally", "ci", ApiTokenScope.READ, Set.of("contact"), Instant.EPOCH,
                Optional.empty(), Optional.empty(), Optional.empty());
        context.callWithToken(token, () -> {
            assertEquals("sally", context.current().orElseThrow().username());
            assertEquals(Optional.of(token), context.token());
            context.callAs(Caller.SYSTEM, () -> {
                assertEquals(Optional.of(token), context.token(), "nested work still came through the API");
                return null;
            });
            return null;
        });
        assertTrue(context.token().isEmpty());
        assertTrue(context.current().isEmpty());
    }

    @Test
    void addedPermissionsHoldOnlyForTheirWorkAndTheirCallerAndAddUpWhenNested() {
        ApiToken token = new ApiToken(7, "sally", "ci", ApiTokenScope.READ_WRITE, Set.of(), Instant.EPOCH,
                Optional.empty(), Optional.empty(), Optional.empty());
        context.callWithToken(token, () -> context.callWithPermissions(Set.of("opportunities.edit"), () -> {
            assertEquals(Optional.of(new Caller("sally")), context.current(), "the work still runs as the user");
            assertEquals(Optional.of(token), context.token(), "and still came through the API");
            assertEquals(Set.of("opportunities.edit"), context.addedPermissions());
            context.callWithPermissions(Set.of("contacts.edit"), () -> {
                assertEquals(Set.of("opportunities.edit", "contacts.edit"), context.addedPermissions());
                return null;
            });
            assertEquals(Set.of("opportunities.edit"), context.addedPermissions());
            context.callAs(new Caller("bob"), () -> {
                assertEquals(Set.of(), context.addedPermissions(), "another caller does not inherit them");
                return null;
            });
            context.callAs(new Caller("sally"), () -> {
                assertEquals(Set.of(), context.addedPermissions(), "a new binding of the same user neither");
                return null;
            });
            assertThrows(IllegalStateException.class, () -> context.callWithPermissions(Set.of("x.delete"), () -> {
                throw new IllegalStateException("boom");
            }));
            assertEquals(Set.of("opportunities.edit"), context.addedPermissions(), "restored after a failure");
            return null;
        }));
        assertEquals(Set.of(), context.addedPermissions());
        assertTrue(context.current().isEmpty());
    }

    @Test
    void permissionsCannotBeAddedWithoutACaller() {
        assertThrows(PermissionDeniedException.class, () -> context.callWithPermissions(Set.of("contacts.edit"),
                () -> "never"));
        assertEquals(Set.of(), context.addedPermissions());
    }
}
