package org.tesseracrm.projects.internal.service;

import java.util.Optional;

import org.tesseracrm.projects.api.ProjectLink;

/** What a caller is told about one linked record of an installed type. */
final class LinkStates {
    private LinkStates() {
    }

    /**
     * @param recordType the record's type id
     * @param recordId its id
     * @param typeLabel its type's name
     * @param title its title as the caller may see it; null if the caller may not (or it is gone)
     * @param exists whether the record is still in its table
     * @return shown with its title, removed if gone, otherwise hidden without a title
     */
    static ProjectLink link(String recordType, long recordId, String typeLabel, String title, boolean exists) {
        if (!exists) {
            return new ProjectLink(recordType, recordId, typeLabel, Optional.empty(), ProjectLink.State.REMOVED);
        }
        return title == null
                ? new ProjectLink(recordType, recordId, typeLabel, Optional.empty(), ProjectLink.State.HIDDEN)
                : new ProjectLink(recordType, recordId, typeLabel, Optional.of(title), ProjectLink.State.SHOWN);
    }
}
