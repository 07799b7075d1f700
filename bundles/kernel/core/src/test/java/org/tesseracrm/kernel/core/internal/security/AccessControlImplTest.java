package org.tesseracrm.kernel.core.internal.security;

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

/** The record types of the call's API token. */
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

    private static ApiToken token(Set<String> types) {
        return new ApiToken(1, "ada", "ci", ApiTokenScope.READ_WRITE, types, Instant.EPOCH, Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
