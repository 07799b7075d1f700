package org.tesseracrm.kernel.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A user's own settings: for now their {@link RegionalSettings time zone and locale}. A user may read
 * and change their own; a caller with {@link SecurityAdmin#MANAGE_USERS} anybody's. Changes are audited.
 */
@ProviderType
public interface UserSettings {
    /**
     * @return the current caller's regional settings; {@link RegionalSettings#DEFAULT} for the system,
     *     without a caller, or for a user who has none yet
     */
    RegionalSettings regional();

    /**
     * @param username a user
     * @return that user's regional settings, {@link RegionalSettings#DEFAULT} if they have none yet
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException unless the user is the caller or the
     *     caller may manage users
     * @throws org.tesseracrm.kernel.api.NotFoundException for an unknown user
     */
    RegionalSettings regional(String username);

    /**
     * @param username the user to change
     * @param settings the new settings
     * @return the stored settings
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException unless the user is the caller or the
     *     caller may manage users
     * @throws org.tesseracrm.kernel.api.ValidationException for a locale without a language, on the
     *     field {@code locale}
     * @throws org.tesseracrm.kernel.api.NotFoundException for an unknown user
     */
    RegionalSettings changeRegional(String username, RegionalSettings settings);

    /**
     * At sign-in: keeps the caller's settings if they have any, otherwise stores the browser's.
     *
     * @param browser the time zone and locale the caller's browser reports
     * @return the caller's settings from now on
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without a signed-in caller
     */
    RegionalSettings adoptIfUnset(RegionalSettings browser);
}
