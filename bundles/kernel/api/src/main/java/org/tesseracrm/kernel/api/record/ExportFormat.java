package org.tesseracrm.kernel.api.record;

/** File formats a list can be exported to. */
public enum ExportFormat {
    /** Comma-separated values, UTF-8 with a byte order mark so spreadsheet programs read accents. */
    CSV("csv", "text/csv"),
    /** Office Open XML workbook. */
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

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
}
