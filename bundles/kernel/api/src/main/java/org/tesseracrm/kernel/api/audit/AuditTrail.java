package org.tesseracrm.kernel.api.audit;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit trail of every record change. Modules report each create, update and delete right
 * after it is committed; users read a record's history, administrators the whole trail.
 */
@ProviderType
public interface AuditTrail {
    /** The permission to read the whole audit trail. */
    String VIEW_ALL = "administration.audit";

    /**
     * Records a change made by the current caller, now. An update without changed fields is not
     * recorded.
     *
     * @param change what changed
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without a caller
     */
    void record(RecordChange change);

    /**
     * Records many changes made by the current caller at once, in one transaction (bulk actions).
     *
     * @param changes what changed, one entry per record
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without a caller
     */
    void recordAll(List<RecordChange> changes);

    /**
     * @param recordType a record type id
     * @param recordId a record id
     * @return the record's changes, newest first; empty unless the caller may view the module and
     *     sees the record's owner, or may read the whole trail
     */
    List<AuditEntry> history(String recordType, long recordId);

    /**
     * @param query the filter and page
     * @return matching entries, newest first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW_ALL}
     */
    List<AuditEntry> search(AuditQuery query);

    /**
     * The records the caller changed most recently, for their Home page: one entry per record (the caller's
     * newest change of it, without its field changes), newest first. Records the caller's newest change
     * deleted are left out, and so are those of modules the caller may not view; the labels are as stored at
     * the time, so a screen shows titles through {@code Records.shownTitles} instead.
     *
     * @param limit at most this many records (1 to 50)
     * @return the entries; empty without a caller
     * @since audit 1.3
     */
    default List<AuditEntry> recentlyChangedByCaller(int limit) {
        return List.of();
    }
}
