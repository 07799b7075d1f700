package com.example.loyalty.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Rewards for other bundles and the module's own screens. Every method checks the signed-in user's
 * permissions; the list and form of the record platform read and write rewards too.
 */
@ProviderType
public interface RewardService {
    /** The record type id. */
    String RECORD_TYPE = "reward";

    /**
     * @param name required, at most 200 characters
     * @param amount a number, blank for none
     * @param description free text, at most 1,000 characters
     * @return the reward, owned by the caller
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code loyalty.create}
     * @throws org.tesseracrm.kernel.api.ValidationException naming the fields to correct
     */
    Reward create(String name, String amount, String description);

    /**
     * @param limit at most this many, 1 to 100
     * @return the rewards the caller sees, largest amount first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code loyalty.view}
     */
    List<Reward> largest(int limit);
}
