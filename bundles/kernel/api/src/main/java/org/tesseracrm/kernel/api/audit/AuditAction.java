package org.tesseracrm.kernel.api.audit;

/** What happened to a record. */
public enum AuditAction {
    /** The record was created. */
    CREATE,
    /** Fields of the record changed. */
    UPDATE,
    /** The record was deleted. */
    DELETE
}
