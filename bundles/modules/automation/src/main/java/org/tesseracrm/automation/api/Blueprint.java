package org.tesseracrm.automation.api;

import java.util.List;
import java.util.Objects;

/**
 * A guided process over one pick-list field of a record type: its states and the only moves allowed between them.
 * While it is active the record platform refuses every other change of the field, whoever makes it (form, board's
 * drag-and-drop, import, REST API), and a move by someone the transition does not name, or without its required
 * fields. Creating a record is not restricted. After a move the blueprint posts the automation trigger
 * {@code automation.blueprint.transition}, so rules on it run the transition's actions.
 *
 * @param id the id; 0 for a blueprint not saved yet
 * @param name a unique name, e.g. "Lead qualification"
 * @param recordType the record type id
 * @param field the pick-list field whose values are the states
 * @param states the states, in order (values of the pick-list)
 * @param transitions the allowed moves
 * @param active whether it holds; one active blueprint per record type and field
 * @param version the version the caller read; 0 for a new blueprint
 */
public record Blueprint(long id, String name, String recordType, String field, List<String> states,
        List<Transition> transitions, boolean active, long version) {
    /** Checks the parts are present and keeps unmodifiable copies. */
    public Blueprint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(field, "field");
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
    }
}
