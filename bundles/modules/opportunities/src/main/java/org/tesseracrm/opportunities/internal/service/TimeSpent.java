package org.tesseracrm.opportunities.internal.service;

import java.time.Duration;

/** The time an opportunity spent in a phase, in words, for the UI and the shell. */
public final class TimeSpent {
    private TimeSpent() {
    }

    /**
     * @param duration a time spent in a phase
     * @return it in words, e.g. "3 d 4 h"
     */
    public static String describe(Duration duration) {
        return PhaseRules.describe(duration);
    }
}
