package org.tesseracrm.kernel.api.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to import and how.
 *
 * @param file the file, as {@link Imports#read} returned it
 * @param columnFields for each file column, the field it fills, or an empty string to ignore it
 * @param keyFields the fields whose values together identify a record, to find duplicates; empty to
 *     look for none
 * @param mode what to do with rows matching an existing record
 * @param validRowsOnly true to import the valid rows and report the rest; false for all or nothing
 */
public record ImportRequest(ImportFile file, List<String> columnFields, List<String> keyFields, ImportMode mode,
        boolean validRowsOnly) {
    /** Checks the parts are present and keeps unmodifiable copies. */
    public ImportRequest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(mode, "mode");
        columnFields = List.copyOf(columnFields);
        keyFields = List.copyOf(keyFields);
    }

    /**
     * Proposes a mapping: a column whose header equals the label or name of an importable field
     * (ignoring case and spaces) fills that field, as in a file exported from the same list.
     *
     * @param headers the file's headers
     * @param fields the record type's fields
     * @return one field name or empty string per header
     */
    public static List<String> guessMapping(List<String> headers, List<FieldDefinition> fields) {
        List<String> mapping = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (String header : headers) {
            String wanted = simple(header);
            String match = fields.stream().filter(FieldDefinition::importable)
                    .filter(f -> simple(f.label()).equals(wanted) || simple(f.name()).equals(wanted))
                    .map(FieldDefinition::name).filter(name -> !taken.contains(name)).findFirst().orElse("");
            if (!match.isEmpty()) {
                taken.add(match);
            }
            mapping.add(match);
        }
        return mapping;
    }

    private static String simple(String text) {
        return text.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }
}
