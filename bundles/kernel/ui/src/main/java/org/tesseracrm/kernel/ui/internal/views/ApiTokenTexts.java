package org.tesseracrm.kernel.ui.internal.views;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.ApiTokenScope;

/**
 * What the API token pages write about a token, and the expiry a user's choice stands for: pure functions, so
 * that they are tested without a browser.
 */
final class ApiTokenTexts {
    /** The expiries the "New token" dialog offers. */
    enum Expiry {
        /** Works until revoked. */
        NEVER("Never", 0),
        /** A week from now. */
        DAYS_7("In 7 days", 7),
        /** A month from now. */
        DAYS_30("In 30 days", 30),
        /** A quarter from now. */
        DAYS_90("In 90 days", 90),
        /** A year from now. */
        DAYS_365("In a year", 365),
        /** At the end of a day the user picks, in their time zone. */
        ON_DATE("On a date…", 0);

        private final String label;
        private final int days;

        Expiry(String label, int days) {
            this.label = label;
            this.days = days;
        }

        /** @return what the choice says */
        String label() {
            return label;
        }
    }

    private ApiTokenTexts() {
    }

    /**
     * @param choice the expiry chosen
     * @param day the day picked for {@link Expiry#ON_DATE}, or null
     * @param now the time of creation
     * @param zone the user's time zone
     * @return when the token stops working: for a day, at the end of it in the user's zone; empty for never, and
     *     for {@link Expiry#ON_DATE} without a day (the dialog asks for one first)
     */
    static Optional<Instant> expiresAt(Expiry choice, LocalDate day, Instant now, ZoneId zone) {
        if (choice == Expiry.ON_DATE) {
            return Optional.ofNullable(day).map(d -> d.plusDays(1).atStartOfDay(zone).toInstant());
        }
        return choice.days == 0 ? Optional.empty() : Optional.of(now.plus(Duration.ofDays(choice.days)));
    }

    /**
     * @param scope a token's scope
     * @return it in words
     */
    static String scope(ApiTokenScope scope) {
        return scope == ApiTokenScope.READ ? "Read only" : "Read and write";
    }

    /**
     * @param token a token
     * @param labels the plural label of each installed record type by id
     * @return the record types it may touch, by label (the id for a type that is not installed), sorted; "All"
     */
    static String recordTypes(ApiToken token, Map<String, String> labels) {
        if (token.recordTypes().isEmpty()) {
            return "All";
        }
        return token.recordTypes().stream().map(id -> labels.getOrDefault(id, id)).sorted()
                .collect(Collectors.joining(", "));
    }

    /**
     * @param token a token
     * @param now the time to judge it at
     * @return "Revoked", "Expired" or "Active"
     */
    static String state(ApiToken token, Instant now) {
        if (token.revokedAt().isPresent()) {
            return "Revoked";
        }
        return token.usableAt(now) ? "Active" : "Expired";
    }
}
