package org.tesseracrm.kernel.records.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/** What is shown for references to records: their titles where the caller may see them, a neutral name elsewhere. */
final class Titles {
    private Titles() {
    }

    /**
     * @param ids the records referred to
     * @param visible the titles of those the caller may see, by id
     * @param neutral how the others are named, e.g. "Contact #12"
     * @return a text for every id: its title, or its neutral name
     */
    static Map<Long, String> shown(Collection<Long> ids, Map<Long, String> visible, LongFunction<String> neutral) {
        Map<Long, String> shown = new LinkedHashMap<>();
        for (Long id : ids) {
            if (id != null) {
                shown.put(id, visible.getOrDefault(id, neutral.apply(id)));
            }
        }
        return shown;
    }
}
