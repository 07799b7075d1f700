package org.tesseracrm.kernel.api.security;

/** What an API token may do with its user's rights. */
public enum ApiTokenScope {
    /** Only reading: the REST API refuses {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE} with 403. */
    READ,
    /** Reading and changing, as far as the token's user may. */
    READ_WRITE
}
