package org.tesseracrm.kernel.api.record;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Typification: users classify what came of a record (an interaction, a quote, a case) by choosing one
 * of the outcome options an admin set for its record type; each choice is kept with who made it and
 * when, newest first, and shows in the record's history. The options are the pick-list named
 * {@link #OPTIONS} of the record type, edited like any pick-list through
 * {@link CustomFields#pickList} and {@link CustomFields#savePickList}.
 */
@ProviderType
public interface Typifications {
    /** The name of the pick-list holding a record type's outcome options. */
    String OPTIONS = "_outcome";
    /** The longest comment, in characters. */
    int COMMENT_MAX = 1_000;

    /**
     * @param recordType a record type id
     * @return the active outcome options, in the admin's order; empty if none are set
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     */
    List<String> options(String recordType);

    /**
     * Records an outcome for a record.
     *
     * @param recordType a record type id
     * @param recordId a record the caller sees
     * @param outcome one of the active {@link #options}
     * @param comment an optional remark, at most {@link #COMMENT_MAX} characters; blank for none
     * @return what was recorded
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.edit}
     * @throws org.tesseracrm.kernel.api.ValidationException for an outcome that is not an active option,
     *     or a too long comment
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the record
     */
    Typification classify(String recordType, long recordId, String outcome, String comment);

    /**
     * @param recordType a record type id
     * @param recordId a record the caller sees
     * @return its typifications, newest first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code <moduleId>.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the record
     */
    List<Typification> history(String recordType, long recordId);
}
