package org.tesseracrm.kernel.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.Visibility;

/** The record types of the call's API token; the permissions added for one piece of work. */
class AccessControlImplTest {
    private final CallerContextImpl callers = new CallerContextImpl();
    private final AccessControlImpl access = new AccessControlImpl(callers, null);

    @Test
    void aTokenLimitedToSomeTypesMayTouchOnlyThose() {
        ApiToken contactsOnly = token(Set.of("contact", "company"));
        callers.callWithToken(contactsOnly, () -> {
            access.requireRecordType("contact");
            access.requireRecordType("company");
            PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> access.requireRecordType("lead"));
            assertTrue(e.getMessage().contains("company, contact"), e.getMessage());
            return null;
        });
    }

    @Test
    void aTokenWithoutTypesAndACallWithoutATokenMayTouchEveryType() {
        callers.callWithToken(token(Set.of()), () -> {
            access.requireRecordType("lead");
            return null;
        });
        callers.callAs(new Caller("ada"), () -> {
            access.requireRecordType("lead");
            return null;
        });
    }

    @Test
    void addedPermissionsAllowTheirOperationsToTheSameUserWithTheirOwnVisibilityAndNothingElse() {
        Visibility own = new Visibility(false, Set.of("rep"));
        Grants grants = new Grants(null, null) {
            @Override
            Grant of(String username) {
                boolean active = !username.equals("gone");
                return new Grant(active, false, Set.of("opportunities.view", "opportunities.move-phase"), own,
                        List.of(username), Set.of(username), Map.of(), 0, username);
            }
        };
        AccessControlImpl checked = new AccessControlImpl(callers, grants);
        callers.callAs(new Caller("rep"), () -> {
            assertThrows(PermissionDeniedException.class, () -> checked.require("opportunities.edit"));
            callers.callWithPermissions(Set.of("opportunities.edit"), () -> {
                assertEquals(new Caller("rep"), checked.require("opportunities.edit"), "the actor is the user");
                assertTrue(checked.permitted("opportunities.edit"));
                assertEquals(own, checked.visibility(), "the user still sees only their own records");
                assertFalse(checked.permitted("opportunities.delete"));
                assertThrows(PermissionDeniedException.class, () -> checked.require("opportunities.delete"));
                assertFalse(checked.me().permissions().contains("opportunities.edit"), "the profile is unchanged");
                callers.callAs(new Caller("rep"), () -> {
                    assertFalse(checked.permitted("opportunities.edit"), "not in a nested call");
                    return null;
                });
                return null;
            });
            assertThrows(PermissionDeniedException.class, () -> checked.require("opportunities.edit"));
            assertFalse(checked.permitted("opportunities.edit"));
            return null;
        });
        callers.callAs(new Caller("gone"), () -> callers.callWithPermissions(Set.of("opportunities.edit"), () -> {
            assertFalse(checked.permitted("opportunities.edit"), "an inactive account gets nothing");
            assertThrows(PermissionDeniedException.class, () -> checked.require("opportunities.edit"));
            return null;
        }));
    }

    private static ApiToken token(Set<String> types) {
        return new ApiToken(1, "ada", "ci", ApiTokenScope.READ_WRITE, types, Instant.EPOCH, Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
