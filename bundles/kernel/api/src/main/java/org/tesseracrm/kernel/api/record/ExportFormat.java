package org.tesseracrm.kernel.api.record;

import java.util.regex.Pattern;

/** File formats a list can be exported to. */
public enum ExportFormat {
    /** Comma-separated values, UTF-8 with a byte order mark so spreadsheet programs read accents. */
    CSV("csv", "text/csv"),
    /** Office Open XML workbook. */
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** What a spreadsheet program may take for the start of a formula (OWASP CSV injection). */
    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\t\r].*", Pattern.DOTALL);
    /** A plain signed number, which a spreadsheet reads as a number, never as a formula. */
    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-]?[0-9]+([.,][0-9]+)?");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** @return the file name extension, without dot */
    public String extension() {
        return extension;
    }

    /** @return the media type to send with the file */
    public String mediaType() {
        return mediaType;
    }

    /**
     * Neutralises a text cell of a CSV file: a value that starts with {@code =}, {@code +}, {@code -},
     * {@code @}, a tab or a carriage return gets a leading single quote, so spreadsheet programs show it as
     * text instead of running it as a formula (CSV injection). A plain signed number such as {@code -5} or
     * {@code +4930123} stays as it is: it cannot be a formula. Every CSV file the product writes passes its
     * text cells through here; xlsx cells are typed and need nothing.
     *
     * @param text a cell's text; null counts as empty
     * @return the text to write into the cell
     */
    public static String csvCell(String text) {
        if (text == null) {
            return "";
        }
        return FORMULA_START.matcher(text).matches() && !SIGNED_NUMBER.matcher(text).matches() ? "'" + text : text;
    }
}
