package org.tesseracrm.automation.api;

import java.util.Objects;

import org.tesseracrm.kernel.api.automation.Criteria;

/**
 * One scoring rule: points a record of a type gets. A record's score is the sum of the points of the active rules of
 * its type, written into the type's score field whenever the record (or an activity on it) changes.
 *
 * @param id the rule's id; 0 for a rule not yet saved
 * @param recordType the record type id
 * @param name a name for administrators, 1 to 100 characters
 * @param basis what the points are for
 * @param criteria for {@link Basis#FIELDS}, the conditions on the record; for {@link Basis#ACTIVITIES_DONE}, the
 *     conditions on the activities (e.g. kind is call); no conditions for every record or activity
 * @param points the points (negative to take points away), -10,000 to 10,000
 * @param cap for {@link Basis#ACTIVITIES_DONE}, the most activities counted (1 to 1,000); ignored otherwise
 * @param active whether it counts
 */
public record ScoringRule(long id, String recordType, String name, Basis basis, Criteria criteria, int points,
        int cap, boolean active) {
    /** What a rule gives points for. */
    public enum Basis {
        /** Once, when the record meets the criteria. */
        FIELDS,
        /** For each activity done that is related to the record and meets the criteria, up to the cap. */
        ACTIVITIES_DONE
    }

    /** Checks the parts are present. */
    public ScoringRule {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(criteria, "criteria");
    }
}
