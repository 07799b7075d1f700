package org.tesseracrm.forecasts.api;

/** The figures of a forecast row that a drill-down lists the opportunities of. */
public enum Figure {
    /** Won opportunities (a phase of kind WON) closing in the period. */
    ACHIEVED,
    /** Open opportunities (a phase of kind OPEN) closing in the period: the pipeline, and weighted the same rows. */
    PIPELINE
}
