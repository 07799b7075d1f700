package org.tesseracrm.reports.api;

/**
 * A role or group a report can be shared with.
 *
 * @param kind {@code role} or {@code group}
 * @param id its id, as {@link Sharing#roles()} and {@link Sharing#groups()} hold it
 * @param name what users call it
 */
public record ShareTarget(String kind, String id, String name) {
    /** Kind of a role. */
    public static final String ROLE = "role";
    /** Kind of a group. */
    public static final String GROUP = "group";
}
