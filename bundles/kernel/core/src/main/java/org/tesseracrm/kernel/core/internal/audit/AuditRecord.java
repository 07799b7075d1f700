package org.tesseracrm.kernel.core.internal.audit;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;

import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.FieldChange;

/** One audited change, with its field changes in a collection table. */
@Entity
@Table(name = "CRM_AUDIT")
public class AuditRecord {
    /** Taken from {@code KERNEL_ID_GEN} row {@code AUDIT} by {@link AuditTrailImpl}, a block per change. */
    @Id
    @Column(name = "ID")
    private Long id;

    @Column(name = "CHANGED_AT", nullable = false)
    private LocalDateTime at; // UTC

    @Column(name = "USERNAME", length = 100, nullable = false)
    private String username;

    @Column(name = "MODULE_ID", length = 100, nullable = false)
    private String module;

    @Column(name = "RECORD_TYPE", length = 100, nullable = false)
    private String recordType;

    @Column(name = "RECORD_ID", nullable = false)
    private long recordId;

    @Column(name = "LABEL", length = 300)
    private String label;

    @Column(name = "RECORD_OWNER", length = 100)
    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(name = "CHANGE_KIND", length = 10, nullable = false)
    private AuditAction action;

    /** How the change came in ({@link AuditEntry#VIA_API}), null for the web UI, the shell and the system. */
    @Column(name = "VIA", length = 20)
    private String via;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CRM_AUDIT_CHANGE", joinColumns = @JoinColumn(name = "AUDIT_ID"))
    @OrderColumn(name = "POS")
    private List<AuditChangeRow> changes = new ArrayList<>();

    /** For JPA. */
    protected AuditRecord() {
    }

    AuditRecord(long id, LocalDateTime at, String username, String module, String recordType, long recordId, String label,
            String owner, AuditAction action, List<AuditChangeRow> changes, String via) {
        this.id = id;
        this.at = at;
        this.username = username;
        this.module = module;
        this.recordType = recordType;
        this.recordId = recordId;
        this.label = label;
        this.owner = owner;
        this.action = action;
        this.changes.addAll(changes);
        this.via = via;
    }

    String module() {
        return module;
    }

    String owner() {
        return owner;
    }

    AuditEntry toEntry() {
        List<FieldChange> fields = changes.stream().map(AuditChangeRow::toChange).toList();
        return new AuditEntry(id, at.toInstant(ZoneOffset.UTC), username, module, recordType, recordId,
                label == null ? "" : label, action, fields, via);
    }
}
