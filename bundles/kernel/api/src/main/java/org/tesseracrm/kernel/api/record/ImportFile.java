package org.tesseracrm.kernel.api.record;

import java.util.List;
import java.util.Objects;

/**
 * An uploaded csv or xlsx file, read into text cells. The first row holds the column headers.
 *
 * @param name the file name the user uploaded
 * @param headers the column headers, in file order
 * @param rows the data rows, each with one cell per header (blank for a missing cell); blank rows are
 *     kept so that a row's index gives its line
 */
public record ImportFile(String name, List<String> headers, List<List<String>> rows) {
    /** Keeps unmodifiable copies. */
    public ImportFile {
        Objects.requireNonNull(name, "name");
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /**
     * @param index a data row's index, from 0
     * @return its line as a spreadsheet numbers it: the header is line 1, the first data row line 2
     */
    public static int line(int index) {
        return index + 2;
    }
}
