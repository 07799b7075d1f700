package org.tesseracrm.projects.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A record of any type related to a project (a case, an opportunity, a quote...), as the current caller may see it.
 *
 * @param recordType the linked record's type id, e.g. {@code case}
 * @param recordId the linked record's id
 * @param typeLabel the type's name for users, e.g. "Case"; the type id when its module is not installed
 * @param title the record's title, only if the caller holds the type's view permission and sees the record
 * @param state whether the record is shown, hidden from the caller, deleted or its module missing
 */
public record ProjectLink(String recordType, long recordId, String typeLabel, Optional<String> title, State state) {
    /** Checks the parts are present, and that only a shown record has a title. */
    public ProjectLink {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(typeLabel, "typeLabel");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
        if (title.isPresent() != (state == State.SHOWN)) {
            throw new IllegalArgumentException("Only a shown link has a title");
        }
    }

    /** What the caller gets to know about a linked record. */
    public enum State {
        /** The caller sees the record: its title is given. */
        SHOWN,
        /** The record exists but the caller may not see it (no view permission for its type, or not visible). */
        HIDDEN,
        /** The record was deleted (while the Projects module was not installed; otherwise its links go with it). */
        REMOVED,
        /** The module of the record's type is not installed now. */
        UNAVAILABLE
    }
}
