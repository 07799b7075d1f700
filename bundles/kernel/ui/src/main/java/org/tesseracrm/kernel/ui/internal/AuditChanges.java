package org.tesseracrm.kernel.ui.internal;

import java.util.stream.Collectors;

import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.renderer.Renderer;

import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.FieldChange;

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
     * @return its changes, one per line, an empty value shown as {@value #EMPTY}
     */
    public static String lines(AuditEntry entry) {
        return entry.changes().stream().map(AuditChanges::line).collect(Collectors.joining("\n"));
    }

    private static String line(FieldChange change) {
        return change.field() + ": " + shown(change.oldValue()) + " → " + shown(change.newValue());
    }

    private static String shown(String value) {
        return value.isEmpty() ? EMPTY : value;
    }
}
