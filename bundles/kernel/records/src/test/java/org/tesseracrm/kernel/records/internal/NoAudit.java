package org.tesseracrm.kernel.records.internal;

import java.util.List;

import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.AuditQuery;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;

/** The audit trail of read tests: reads write nothing, so any use of it fails the test. */
final class NoAudit implements AuditTrail {
    @Override
    public void record(RecordChange change) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void recordAll(List<RecordChange> changes) {
        throw new UnsupportedOperationException();
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
