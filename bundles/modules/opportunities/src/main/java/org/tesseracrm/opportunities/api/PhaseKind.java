package org.tesseracrm.opportunities.api;

/** What reaching a phase means for an opportunity. */
public enum PhaseKind {
    /** Still being worked on. */
    OPEN,
    /** Closed and won. */
    WON,
    /** Closed and lost: the opportunity must say why ({@code lostReason}). */
    LOST
}
