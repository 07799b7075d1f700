package org.tesseracrm.kernel.core.internal.security;

import java.util.List;

import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.AuditQuery;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;

/** An audit trail for tests that keeps what it is told to record in a list. */
record RecordingAudit(List<RecordChange> recorded) implements AuditTrail {
    @Override
    public void record(RecordChange change) {
        recorded.add(change);
    }

    @Override
    public void recordAll(List<RecordChange> changes) {
        recorded.addAll(changes);
    }

    @Override
    public List<AuditEntry> history(String recordType, long recordId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AuditEntry> search(AuditQuery query) {
        throw new UnsupportedOperationException();
    }
}
