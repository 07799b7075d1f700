package org.tesseracrm.projects.api;

import java.util.List;

/** The record type id of projects, the names of their predefined fields and their first statuses. */
public final class ProjectFields {
    /** The record type id. */
    public static final String RECORD_TYPE = "project";
    /** The project's name (text, required). */
    public static final String NAME = "name";
    /** The customer company (lookup). */
    public static final String COMPANY = "company";
    /** The customer contact (lookup). */
    public static final String CONTACT = "contact";
    /** Where the project stands (pick-list, the admin's). */
    public static final String STATUS = "status";
    /** The first day (date). */
    public static final String START_DATE = "startDate";
    /** The last day (date), not before the first. */
    public static final String END_DATE = "endDate";
    /** The budget (money, 0 or more). */
    public static final String BUDGET = "budget";
    /** The budget's currency (pick-list). */
    public static final String CURRENCY = "currency";
    /** Free text. */
    public static final String DESCRIPTION = "description";
    /** The record's owner (user). */
    public static final String OWNER = "owner";
    /** The project's number ({@code PRJ-12}: the prefix and its id), set by the module. */
    public static final String NUMBER = "number";
    /** What every project number starts with. */
    public static final String NUMBER_PREFIX = "PRJ-";

    /** The status a new project starts with. */
    public static final String PLANNED = "Planned";
    /** The statuses offered on first install (the admin may change them: the module sets none). */
    public static final List<String> STATUSES = List.of(PLANNED, "In progress", "On hold", "Completed", "Cancelled");

    private ProjectFields() {
    }

    /**
     * @param projectId a project's id
     * @return its number, e.g. {@code PRJ-12}
     */
    public static String number(long projectId) {
        return NUMBER_PREFIX + projectId;
    }
}
