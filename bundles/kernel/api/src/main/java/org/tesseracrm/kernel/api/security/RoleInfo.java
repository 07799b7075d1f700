package org.tesseracrm.kernel.api.security;

/**
 * A node of the role tree.
 *
 * @param id the role id
 * @param name the unique name, e.g. "Sales manager"
 * @param parentId the role above, null for a top role
 */
public record RoleInfo(long id, String name, Long parentId) {
}
