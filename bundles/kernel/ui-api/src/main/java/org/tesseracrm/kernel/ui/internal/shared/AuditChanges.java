package org.tesseracrm.kernel.ui.internal.shared;

import java.util.stream.Collectors;

import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.renderer.Renderer;

import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.FieldChange;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * The changes of an audit entry as the audit trail and a form's history show them: one line per field,
 * {@code field: old → new}, wrapped inside the column (a long value breaks anywhere rather than
 * widening the page). The values are text, never HTML.
 */
public final class AuditChanges {
    private static final String EMPTY = "—";

    private AuditChanges() {
    }

    /** @return a cell showing each change on its own line */
    public static Renderer<AuditEntry> renderer() {
        // Lit binds ${item.lines} as text: a value holding markup shows as typed.
        return LitRenderer.<AuditEntry>of("<div class=\"audit-changes\">${item.lines}</div>")
                .withProperty("lines", AuditChanges::lines);
    }

    /**
     * @param entry an audit entry
     * @return its changes, one per line, an empty value shown as {@value #EMPTY}, dates and times in the
     *     user's zone and form
     */
    public static String lines(AuditEntry entry) {
        LocalTimes times = LocalTimes.current();
        return entry.changes().stream().map(change -> line(change, times)).collect(Collectors.joining("\n"));
    }

    private static String line(FieldChange change, LocalTimes times) {
        return change.field() + ": " + shown(change.oldValue(), times) + " → " + shown(change.newValue(), times);
    }

    private static String shown(String value, LocalTimes times) {
        return value.isEmpty() ? EMPTY : times.storedText(value);
    }
}
