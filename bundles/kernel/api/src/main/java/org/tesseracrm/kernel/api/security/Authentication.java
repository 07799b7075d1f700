package org.tesseracrm.kernel.api.security;

/**
 * A successful sign-in.
 *
 * @param caller who signed in
 * @param passwordChangeRequired whether the user must choose a new password before doing anything
 *     else (the first admin account, for example)
 */
public record Authentication(Caller caller, boolean passwordChangeRequired) {
}
