package org.tesseracrm.kernel.api.record;

import java.util.Objects;
import java.util.Optional;

/**
 * One value of a pick-list. Records store the value text; renaming a value is adding a new one and
 * deactivating the old, so old records keep what they had.
 *
 * @param value the stored text, unique in its list, at most 100 characters
 * @param colour a CSS colour for badges, e.g. {@code #2e7d32}, if any
 * @param isDefault whether new records get this value
 * @param active false for values kept for old records but no longer offered
 */
public record PickListValue(String value, Optional<String> colour, boolean isDefault, boolean active) {
    /** Checks the parts are present. */
    public PickListValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(colour, "colour");
    }

    /**
     * @param value the stored text
     * @return an active value without colour that is not the default
     */
    public static PickListValue of(String value) {
        return new PickListValue(value, Optional.empty(), false, true);
    }
}
