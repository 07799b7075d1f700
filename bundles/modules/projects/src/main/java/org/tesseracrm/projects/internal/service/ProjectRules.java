package org.tesseracrm.projects.internal.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.projects.api.ProjectFields;
import org.tesseracrm.projects.api.ProjectProgress;

/** The projects' rules, without a database. */
final class ProjectRules {
    /** The most records related to one project. */
    static final int MOST_LINKS = 500;
    /** The most members of one project. */
    static final int MOST_MEMBERS = 200;
    /** The longest member role. */
    static final int ROLE_LENGTH = 100;
    /** A record type id as the platform writes them: lower case letters, digits, '-' and '_', up to 50. */
    private static final Pattern TYPE_ID = Pattern.compile("[a-z][a-z0-9_-]{0,49}");

    private ProjectRules() {
    }

    /**
     * @param project a project as it is to be stored
     * @return what is wrong with it: an end date before the start date, a budget below 0
     */
    static List<FieldError> errors(RecordRow project) {
        List<FieldError> errors = new ArrayList<>();
        Optional<java.time.LocalDate> start = project.date(ProjectFields.START_DATE);
        Optional<java.time.LocalDate> end = project.date(ProjectFields.END_DATE);
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            errors.add(new FieldError(ProjectFields.END_DATE, "The end date is before the start date ("
                    + start.get() + ")"));
        }
        Optional<BigDecimal> budget = project.decimal(ProjectFields.BUDGET);
        if (budget.isPresent() && budget.get().signum() < 0) {
            errors.add(new FieldError(ProjectFields.BUDGET, "Enter a budget of 0 or more"));
        }
        return errors;
    }

    /**
     * What is wrong with relating a record to a project, before the record is looked up.
     *
     * @param projectId the project
     * @param recordType the record's type id, as given
     * @param recordId the record's id, as given
     * @param typeKnown whether a record type of that id is installed
     * @param links how many records the project has already
     * @return the errors: no or a malformed type, an unknown type, an id below 1, the project itself, too many links
     */
    static List<FieldError> linkErrors(long projectId, String recordType, long recordId, boolean typeKnown,
            int links) {
        List<FieldError> errors = new ArrayList<>();
        if (recordType == null || recordType.isBlank()) {
            errors.add(new FieldError("recordType", "Choose the type of the record to relate"));
        } else if (!TYPE_ID.matcher(recordType).matches() || !typeKnown) {
            errors.add(new FieldError("recordType", "No record type \"" + shortened(recordType)
                    + "\" is installed"));
        }
        if (recordId < 1) {
            errors.add(new FieldError("recordId", "Choose the record to relate"));
        } else if (ProjectFields.RECORD_TYPE.equals(recordType) && recordId == projectId) {
            errors.add(new FieldError("recordId", "A project is not related to itself"));
        }
        if (links >= MOST_LINKS) {
            errors.add(new FieldError("recordId", "A project has at most " + MOST_LINKS + " related records:"
                    + " remove one first"));
        }
        return errors;
    }

    /**
     * @param username the user to add, as given
     * @param role the role, as given (null for none)
     * @param known whether the user exists and is active
     * @param members how many members the project has, the user left out
     * @return the errors: no or an unknown user, a role too long, too many members
     */
    static List<FieldError> memberErrors(String username, String role, boolean known, int members) {
        List<FieldError> errors = new ArrayList<>();
        if (username == null || username.isBlank()) {
            errors.add(new FieldError("username", "Choose the user to add"));
        } else if (!known) {
            errors.add(new FieldError("username", "No active user \"" + shortened(username) + "\""));
        }
        if (role != null && role.strip().length() > ROLE_LENGTH) {
            errors.add(new FieldError("role", "Enter a role of at most " + ROLE_LENGTH + " characters"));
        }
        if (members >= MOST_MEMBERS) {
            errors.add(new FieldError("username", "A project has at most " + MOST_MEMBERS + " members"));
        }
        return errors;
    }

    /**
     * @param tasks how many tasks a project has
     * @param done how many of them are done
     * @return the progress; empty without tasks (a project without tasks has no progress, not 0 %)
     */
    static Optional<ProjectProgress> progress(long tasks, long done) {
        return tasks < 1 ? Optional.empty() : Optional.of(new ProjectProgress(tasks, Math.min(done, tasks)));
    }

    private static String shortened(String text) {
        return text.length() > 50 ? text.substring(0, 50) + "..." : text;
    }
}
