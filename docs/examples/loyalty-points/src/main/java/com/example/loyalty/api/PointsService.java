package com.example.loyalty.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Loyalty points of contacts. Every method checks the signed-in user's permissions, and only
 * contacts the user sees take part.
 */
@ProviderType
public interface PointsService {
    /** The most points one award gives. */
    int MAX_POINTS = 10_000;

    /**
     * Awards the same points to each contact, all or none.
     *
     * @param contactIds contacts the caller sees (the others are refused)
     * @param points 1 to {@link #MAX_POINTS}
     * @param reason why, at most 200 characters, may be blank
     * @return how many contacts got the points
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code loyalty.award}
     * @throws org.tesseracrm.kernel.api.ValidationException for points out of range, a reason too long,
     *     or a contact the caller does not see
     */
    int award(List<Long> contactIds, int points, String reason);

    /**
     * @param contactId a contact the caller sees
     * @return the sum of the contact's points
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code loyalty.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the contact
     */
    long balance(long contactId);

    /**
     * @param contactId a contact the caller sees
     * @param limit at most this many entries, 1 to 100
     * @return the latest awards first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code loyalty.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the contact
     */
    List<PointsEntry> history(long contactId, int limit);
}
