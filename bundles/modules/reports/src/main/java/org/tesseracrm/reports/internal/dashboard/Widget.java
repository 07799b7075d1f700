package org.tesseracrm.reports.internal.dashboard;

import java.util.Objects;

/**
 * One widget of a dashboard: a report drawn as its chart. Its position is its place in the dashboard's list.
 *
 * @param reportKey the report, {@code report:<id>} or {@code source:<id>} as {@code Reports.list} names it
 * @param width how many of the grid's {@value #COLUMNS} columns it spans, 1 to {@value #COLUMNS}
 */
public record Widget(String reportKey, int width) {
    /** The columns of a dashboard's grid. */
    public static final int COLUMNS = 4;
    /** A new widget's width. */
    public static final int DEFAULT_WIDTH = 2;

    /** Checks the key and bounds the width. */
    public Widget {
        Objects.requireNonNull(reportKey, "reportKey");
        width = Math.max(1, Math.min(COLUMNS, width));
    }
}
