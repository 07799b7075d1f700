package org.tesseracrm.kernel.core.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;

class TokenCreateCommandTest {
    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");

    @Test
    void theOptionsBecomeScopeTypesAndExpiry() {
        ApiTokenRequest request = TokenCreateCommand.request("ci", true, "contact, company,", 90, NOW);
        assertEquals(ApiTokenScope.READ, request.scope());
        assertEquals(Set.of("contact", "company"), request.recordTypes());
        assertEquals(Optional.of(NOW.plus(Duration.ofDays(90))), request.expiresAt());
    }

    @Test
    void withoutOptionsATokenReadsAndWritesEveryTypeForever() {
        ApiTokenRequest request = TokenCreateCommand.request("ci", false, null, null, NOW);
        assertEquals(new ApiTokenRequest("ci", ApiTokenScope.READ_WRITE, Set.of(), Optional.empty()), request);
    }

    @Test
    void anExpiryNeedsADayAtLeast() {
        assertThrows(IllegalArgumentException.class, () -> TokenCreateCommand.request("ci", false, null, 0, NOW));
    }
}
