package org.tesseracrm.kernel.api.record;

import java.io.InputStream;
import java.util.function.LongConsumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Imports csv and xlsx files into any record type that declares an {@link RecordType#ids() id
 * generator}: custom fields included, every row checked like a form, duplicates found on chosen key
 * fields. An import writes in one transaction, so a failure or a crash half-way leaves nothing of it.
 * Every method needs the type's {@code <moduleId>.import} permission; updating existing records also
 * needs {@code .edit}, and only records the caller sees are matched.
 */
@ProviderType
public interface Imports {
    /** The largest file accepted, in bytes. */
    long MAX_BYTES = 50L * 1024 * 1024;
    /** The most data rows one file may hold. */
    int MAX_ROWS = 200_000;

    /**
     * Reads an uploaded file.
     *
     * @param recordType the record type to import into
     * @param fileName the uploaded file's name; its extension ({@code .csv} or {@code .xlsx}) decides how
     *     it is read
     * @param content the file; read to the end, not closed
     * @return its headers and rows as text
     * @throws org.tesseracrm.kernel.api.ValidationException (field {@code file}) if the file is not csv or
     *     xlsx, is larger than {@link #MAX_BYTES}, has more than {@link #MAX_ROWS} rows, has no header
     *     row or cannot be read
     */
    ImportFile read(String recordType, String fileName, InputStream content);

    /**
     * Checks every row and finds duplicates without writing anything: the preview's report.
     *
     * @param recordType the record type
     * @param request the file, mapping and options
     * @return what the import would do, with every problem by line
     * @throws org.tesseracrm.kernel.api.ValidationException if the mapping names unknown, repeated or
     *     read-only fields, or misses a required field
     */
    ImportReport check(String recordType, ImportRequest request);

    /**
     * Imports the file in one transaction.
     *
     * @param recordType the record type
     * @param request the file, mapping and options
     * @param progress told the number of rows written so far, every 1,000 rows and at the end; if it
     *     throws, the import stops and nothing is written
     * @return what was done: with problems and all-or-nothing, nothing is written
     */
    ImportReport run(String recordType, ImportRequest request, LongConsumer progress);
}
