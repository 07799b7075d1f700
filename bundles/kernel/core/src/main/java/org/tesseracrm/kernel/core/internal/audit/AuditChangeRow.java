package org.tesseracrm.kernel.core.internal.audit;

import javax.persistence.Column;
import javax.persistence.Embeddable;

import org.tesseracrm.kernel.api.audit.FieldChange;

/** One field's old and new value, stored as text. */
@Embeddable
public class AuditChangeRow {
    @Column(name = "FIELD_NAME", length = 100, nullable = false)
    private String field;

    @Column(name = "OLD_VALUE", length = 4000)
    private String oldValue;

    @Column(name = "NEW_VALUE", length = 4000)
    private String newValue;

    /** For JPA. */
    protected AuditChangeRow() {
    }

    AuditChangeRow(FieldChange change) {
        this.field = change.field();
        this.oldValue = change.oldValue();
        this.newValue = change.newValue();
    }

    FieldChange toChange() {
        return new FieldChange(field, oldValue == null ? "" : oldValue, newValue == null ? "" : newValue);
    }
}
