package org.tesseracrm.automation.api;

import java.util.List;
import java.util.Objects;

import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.record.Filter;

/**
 * One assignment rule: which new records of a type it takes (criteria) and who becomes their owner. The rules of a
 * type are tried in their order; the first whose criteria the new record meets sets the owner, the others are not
 * looked at. A rule applies only to a record whose creator left the owner to default (the owner is the creator).
 *
 * @param id the rule's id; 0 for a rule not yet saved
 * @param recordType the record type id (e.g. {@code lead})
 * @param position its place among the type's rules, from 1; 0 to put a new rule last
 * @param name a name for administrators, 1 to 100 characters
 * @param criteria the records it takes; no conditions for every record
 * @param strategy how the owner is chosen
 * @param pool for {@link Strategy#USER} the user; for the others whose active users share the records
 * @param poolName the user name, group name or role name
 * @param open for {@link Strategy#LOAD_BALANCED}, the list filters that make a record "open" (e.g. status is any of
 *     New, Working); none: every record of the type the user owns counts
 * @param active whether it applies
 */
public record AssignmentRule(long id, String recordType, int position, String name, Criteria criteria,
        Strategy strategy, Pool pool, String poolName, List<Filter> open, boolean active) {
    /** How a rule chooses the owner. */
    public enum Strategy {
        /** Always the same user. */
        USER,
        /** The active users of the group or role in turn (by user name), the turn kept in the database. */
        ROUND_ROBIN,
        /** The active user of the group or role who owns the fewest open records of the type. */
        LOAD_BALANCED
    }

    /** Who the owner is chosen among. */
    public enum Pool {
        /** One named user. */
        USER,
        /** The active members of a group. */
        GROUP,
        /** The active users holding a role. */
        ROLE
    }

    /** Checks the parts are present and copies the filters. */
    public AssignmentRule {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(poolName, "poolName");
        open = List.copyOf(open);
    }
}
