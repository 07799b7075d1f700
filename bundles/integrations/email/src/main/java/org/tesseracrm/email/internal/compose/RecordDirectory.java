package org.tesseracrm.email.internal.compose;

import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordRow;

/** What finding recipients reads of the record platform, as the caller: the seam for unit tests. */
interface RecordDirectory {
    /** @return the installed record type ids */
    List<String> types();

    /** @return the type's fields, predefined and custom; empty if the caller may not read them */
    List<FieldDefinition> fields(String recordType);

    /** @return the record, if the caller sees it */
    Optional<RecordRow> get(String recordType, long id);

    /** @return what names the record to users */
    String title(String recordType, RecordRow row);

    /**
     * @param recordType a record type
     * @param lookupField a lookup field of that type
     * @param id the record it points at
     * @param limit the most records wanted
     * @return records of that type the caller sees whose field points at the record; empty without the right to read
     *     them
     */
    List<RecordRow> pointingAt(String recordType, String lookupField, long id, int limit);
}
