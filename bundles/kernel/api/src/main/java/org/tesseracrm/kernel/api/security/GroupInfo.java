package org.tesseracrm.kernel.api.security;

/**
 * A group of users (a team, a queue), independent of the role tree.
 *
 * @param id the group id
 * @param name the unique name
 */
public record GroupInfo(long id, String name) {
}
