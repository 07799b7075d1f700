package org.tesseracrm.kernel.core.internal.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tesseracrm.kernel.api.audit.FieldChange;

/** Compares two field maps as text. Pure logic. */
final class ChangeDiff {
    /** Longest value kept; longer values are cut and end with an ellipsis. */
    static final int MAX_VALUE = 4000;

    private ChangeDiff() {
    }

    /** @return the fields whose text differs, in the order of {@code before}'s then {@code after}'s keys */
    static List<FieldChange> between(Map<String, ?> before, Map<String, ?> after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String old = text(before.get(field));
            String now = text(after.get(field));
            if (!Objects.equals(old, now)) {
                changes.add(new FieldChange(field, old, now));
            }
        }
        return changes;
    }

    /** @return the text, cut to {@code max} characters ending with an ellipsis if it is longer */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String text(Object value) {
        return cut(value == null ? "" : value.toString(), MAX_VALUE);
    }
}
