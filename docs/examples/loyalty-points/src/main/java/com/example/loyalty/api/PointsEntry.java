package com.example.loyalty.api;

import java.time.LocalDateTime;

/**
 * One award of points to a contact.
 *
 * @param id the entry id
 * @param contactId the contact
 * @param points how many
 * @param reason why, possibly empty
 * @param awardedBy the user who awarded them
 * @param awardedAt when (UTC)
 */
public record PointsEntry(long id, long contactId, int points, String reason, String awardedBy, LocalDateTime awardedAt) {
}
