package org.tesseracrm.collections.api;

import java.util.Locale;

/** What the aging's rows are. */
public enum AgingBy {
    /** One row per customer: the collection's company, or its contact when it has no company. */
    CUSTOMER,
    /** One row per collector (a user name). */
    COLLECTOR;

    /**
     * @param text {@code customer} or {@code collector}, in any case
     * @return the grouping
     * @throws IllegalArgumentException for another text
     */
    public static AgingBy parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
