package org.tesseracrm.reports.internal.engine;

import java.util.Locale;

import org.tesseracrm.kernel.api.record.ExportFormat;

/** File names of exported reports. */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * @param name a report's name
     * @param format the file format
     * @return a safe file name: letters, digits, dash and underscore, at most 60 characters, with the extension
     */
    public static String fileName(String name, ExportFormat format) {
        String base = name == null ? "" : name.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "report";
        }
        if (base.length() > 60) {
            base = base.substring(0, 60);
        }
        return base.toLowerCase(Locale.ROOT) + "." + format.extension();
    }
}
