package org.tesseracrm.kernel.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.ui.internal.views.ApiTokenTexts.Expiry;

class ApiTokenTextsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aChosenDayWorksUntilItsEndInTheUsersZone() {
        assertEquals(Optional.of(Instant.parse("2026-12-31T23:00:00Z")),
                ApiTokenTexts.expiresAt(Expiry.ON_DATE, LocalDate.of(2026, 12, 31), NOW, BERLIN));
        assertEquals(Optional.empty(), ApiTokenTexts.expiresAt(Expiry.ON_DATE, null, NOW, BERLIN));
    }

    @Test
    void aNumberOfDaysCountsFromNowAndNeverHasNoExpiry() {
        assertEquals(Optional.of(Instant.parse("2027-03-05T03:00:00Z")),
                ApiTokenTexts.expiresAt(Expiry.DAYS_90, LocalDate.of(2030, 1, 1), NOW, BERLIN));
        assertEquals(Optional.of(Instant.parse("2026-12-12T03:00:00Z")), ApiTokenTexts.expiresAt(Expiry.DAYS_7, null, NOW, BERLIN));
        assertEquals(Optional.empty(), ApiTokenTexts.expiresAt(Expiry.NEVER, LocalDate.of(2030, 1, 1), NOW, BERLIN));
    }

    @Test
    void namesRecordTypesByLabelSortedAndAllWithoutAny() {
        Map<String, String> labels = Map.of("contact", "Contacts", "company", "Companies");
        assertEquals("Companies, Contacts, gone", ApiTokenTexts.recordTypes(token(Set.of("gone", "contact", "company"),
                Optional.empty(), Optional.empty()), labels));
        assertEquals("All", ApiTokenTexts.recordTypes(token(Set.of(), Optional.empty(), Optional.empty()), labels));
    }

    @Test
    void stateSaysRevokedBeforeExpired() {
        Instant past = NOW.minusSeconds(60);
        assertEquals("Active", ApiTokenTexts.state(token(Set.of(), Optional.of(NOW.plusSeconds(60)), Optional.empty()), NOW));
        assertEquals("Expired", ApiTokenTexts.state(token(Set.of(), Optional.of(past), Optional.empty()), NOW));
        assertEquals("Revoked", ApiTokenTexts.state(token(Set.of(), Optional.of(past), Optional.of(past)), NOW));
        assertEquals("Read only", ApiTokenTexts.scope(ApiTokenScope.READ));
        assertEquals("Read and write", ApiTokenTexts.scope(ApiTokenScope.READ_WRITE));
    }

    private static ApiToken token(Set<String> types, Optional<Instant> expiresAt, Optional<Instant> revokedAt) {
        return new ApiToken(1, "ada", "ci", ApiTokenScope.READ, types, NOW.minusSeconds(3600), expiresAt, Optional.empty(),
                revokedAt);
    }
}
