package org.tesseracrm.cases.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.api.StatusKind;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * The cases' rules, kept in the record platform's change whoever makes it (form, import, REST API, bulk edit, the
 * service), in its transaction:
 * <ul>
 * <li>a new case must have a type; it gets the next number of the type's prefix ({@code QUE-000123}) from
 * {@code CASE_NUMBER_SEQ} in the creating transaction; the type cannot change afterwards;</li>
 * <li>the number, the solved time and the SLA fields are the module's: a plain create or edit that sets them is
 * refused;</li>
 * <li>a case in a status of kind solved needs a solution; a case cannot move to a solved or closed status while the
 * case it depends on is not solved or closed; a dependency on a missing case, itself, or a case depending on it
 * (a cycle) is refused;</li>
 * <li>moving to a solved or closed kind sets the solved time, moving back to open or waiting clears it;</li>
 * <li>a deleted case leaves the cases that depended on it without a dependency.</li>
 * </ul>
 */
@Component(service = RecordLifecycle.class, property = RecordType.ID + "=" + CaseFields.RECORD_TYPE)
public class CaseLifecycle implements RecordLifecycle {

    /** @param schema the module's tables */
    @Activate
    public CaseLifecycle(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.cases)") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    /** Checks the new case before its row is inserted: its type, the module's fields, status and dependency. */
    @Override
    public void beforeCreate(Change change) throws SQLException {
        Connection c = change.connection();
        RecordRow row = change.after().orElseThrow();
        List<FieldError> errors = new ArrayList<>(CaseRules.createErrors(row));
        OptionalLong dependsOn = row.lookup(CaseFields.DEPENDS_ON);
        if (dependsOn.isPresent()) {
            dependencyErrors(c, change.id(), dependsOn.getAsLong(), errors);
        }
        StatusKind kind = CaseStore.kind(c, row.text(CaseFields.STATUS));
        errors.addAll(CaseRules.statusErrors(kind, row.text(CaseFields.SOLUTION), true, openDependency(c, row)));
        refuse(errors);
    }

    /**
     * Gives the new case its number in the creating transaction, and the solved time of a case created solved or
     * closed. The prefix's sequence row stays locked until the create commits, so no number is given twice and a
     * rolled-back create gives its number back. When the database gives up waiting for that row (a lock timeout or a
     * deadlock victim among many parallel creates) the user is asked to save again: a busy moment, not a broken
     * module.
     */
    @Override
    public void afterCreate(Change change) throws SQLException {
        Connection c = change.connection();
        RecordRow row = change.after().orElseThrow();
        String type = row.text(CaseFields.CASE_TYPE);
        String prefix = CaseStore.prefix(c, type).orElseGet(() -> CaseRules.defaultPrefix(type));
        long next;
        try {
            next = CaseStore.nextNumber(c, prefix);
        } catch (SQLTransactionRollbackException e) {
            throw new ConflictException("Many cases are being opened at this moment: save again to get a number");
        }
        CaseStore.setNumber(c, row.id(), CaseRules.number(prefix, next));
        if (CaseStore.kind(c, row.text(CaseFields.STATUS)).done()) {
            CaseStore.setSolvedAt(c, row.id(), now(row));
        }
    }

    @Override
    public void afterUpdate(Change change) throws SQLException {
        Connection c = change.connection();
        RecordRow before = change.before().orElseThrow();
        RecordRow after = change.after().orElseThrow();
        List<FieldError> errors = new ArrayList<>(CaseRules.updateErrors(before, after));
        OptionalLong dependsOn = after.lookup(CaseFields.DEPENDS_ON);
        boolean dependencyChanged = !before.lookup(CaseFields.DEPENDS_ON).equals(dependsOn);
        if (dependencyChanged && dependsOn.isPresent()) {
            dependencyErrors(c, after.id(), dependsOn.getAsLong(), errors);
        }
        StatusKind from = CaseStore.kind(c, before.text(CaseFields.STATUS));
        StatusKind to = CaseStore.kind(c, after.text(CaseFields.STATUS));
        boolean moved = !before.text(CaseFields.STATUS).equals(after.text(CaseFields.STATUS)) || dependencyChanged;
        errors.addAll(CaseRules.statusErrors(to, after.text(CaseFields.SOLUTION), moved,
                to.done() && moved ? openDependency(c, after) : Optional.empty()));
        refuse(errors);
        if (!from.done() && to.done()) {
            CaseStore.setSolvedAt(c, after.id(), now(after));
        } else if (from.done() && !to.done()) {
            CaseStore.setSolvedAt(c, after.id(), null);
        }
    }

    @Override
    public void beforeDelete(Change change) throws SQLException {
        CaseStore.unlinkDependents(change.connection(), change.id());
    }

    /** A dependency on a case that exists, is not this one, and does not (through others) depend on this one. */
    private static void dependencyErrors(Connection c, long id, long target, List<FieldError> errors)
            throws SQLException {
        Optional<CaseStore.Link> link = CaseStore.link(c, target);
        if (link.isEmpty()) {
            errors.add(new FieldError(CaseFields.DEPENDS_ON, "There is no case #" + target));
        } else if (target == id) {
            errors.add(CaseRules.cycle(""));
        } else if (CaseStore.closesCycle(c, id, target)) {
            errors.add(CaseRules.cycle(link.get().number()));
        }
    }

    /** @return the case it depends on, named by number and subject, if that one is not solved or closed */
    private static Optional<String> openDependency(Connection c, RecordRow row) throws SQLException {
        OptionalLong dependsOn = row.lookup(CaseFields.DEPENDS_ON);
        if (dependsOn.isEmpty()) {
            return Optional.empty();
        }
        Optional<CaseStore.Link> link = CaseStore.link(c, dependsOn.getAsLong());
        if (link.isEmpty() || CaseStore.kind(c, link.get().status()).done()) {
            return Optional.empty();
        }
        return Optional.of((link.get().number() + " " + link.get().subject()).strip());
    }

    private static LocalDateTime now(RecordRow row) {
        return row.dateTime("updatedAt").orElseGet(() -> LocalDateTime.now(ZoneOffset.UTC));
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
