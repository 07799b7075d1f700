package org.tesseracrm.kernel.ui.kit;

import java.util.Locale;

/** A number of things in a sentence: "1 row", "1,204 rows", never "1 rows". */
final class Counts {
    private Counts() {
    }

    /**
     * @param count how many
     * @param one what one is called, e.g. {@code row}
     * @param many what several are called, e.g. {@code rows}
     * @return the count with thousands separators and the fitting word
     */
    static String of(long count, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? one : many);
    }
}
