package org.tesseracrm.collections.internal.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.collections.api.CollectionFields;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * The collections' rules, kept in the record platform's change whoever makes it (form, import, REST API, bulk edit),
 * in its transaction:
 * <ul>
 * <li>a collection names its customer: a company, a contact or both;</li>
 * <li>the totals (total amount, outstanding, overdue, next due) are the module's: a plain create or edit that sets
 * them is refused; a new collection starts with zeros;</li>
 * <li>a collection without a collector is collected by its owner; one without a status gets the status pick-list's
 * default;</li>
 * <li>the currency does not change while the collection has obligations (their amounts are in it);</li>
 * <li>a deleted collection's obligations go with it; a merged collection's obligations join the survivor's (same
 * currency only), whose totals follow.</li>
 * </ul>
 * The service is told apart as in the Quotes module: it writes with the added permission {@link #SERVICE_WRITE},
 * which no profile can hold.
 */
@Component(property = RecordType.ID + "=" + CollectionFields.RECORD_TYPE)
public class CollectionLifecycle implements RecordLifecycle {
    /** Marks the service's own writes (the totals); declared by no module. */
    static final String SERVICE_WRITE = "collections.internal.service-write";
    static final String CUSTOMER_NEEDED = "Choose the customer: a company or a contact";
    static final String SET_BY_MODULE = "Kept by the collection from its obligations: change the obligations instead";

    private final CallerContext callers;
    private final CustomFields fields;

    /**
     * @param callers tells the service's writes from others; reads the status pick-list with the platform's rights
     * @param fields the status pick-list, whose default a new collection without a status takes
     * @param schema the module's tables
     */
    @Activate
    public CollectionLifecycle(@Reference CallerContext callers, @Reference CustomFields fields,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.collections)") MigratedSchema schema) {
        this.callers = callers;
        this.fields = fields;
    }

    @Override
    public void afterCreate(Change change) throws SQLException {
        RecordRow row = change.after().orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        if (!byService()) {
            for (String field : CollectionRecordType.MODULE_FIELDS) {
                if (row.values().get(field) != null) {
                    errors.add(new FieldError(field, SET_BY_MODULE));
                }
            }
        }
        customer(row, errors);
        refuse(errors);
        ObligationStore.setTotals(change.connection(), row.id(), ObligationRules.totals(List.of(),
                LocalDate.now(ZoneOffset.UTC)));
        collector(change, row);
        if (row.text(CollectionFields.STATUS).isEmpty()) {
            Optional<String> first = callers.callAs(Caller.SYSTEM, () -> fields.pickList(CollectionFields.RECORD_TYPE,
                    CollectionFields.STATUS)).stream().filter(v -> v.isDefault() && v.active())
                    .map(PickListValue::value).findFirst();
            if (first.isPresent()) {
                ObligationStore.setStatus(change.connection(), row.id(), first.get());
            }
        }
    }

    @Override
    public void afterUpdate(Change change) throws SQLException {
        RecordRow before = change.before().orElseThrow();
        RecordRow after = change.after().orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        if (!byService()) {
            for (String field : CollectionRecordType.MODULE_FIELDS) {
                if (!ObligationRules.same(before.values().get(field), after.values().get(field))) {
                    errors.add(new FieldError(field, SET_BY_MODULE));
                }
            }
            if (change.fields().contains(CollectionFields.COMPANY) || change.fields().contains(CollectionFields.CONTACT)) {
                customer(after, errors);
            }
        }
        if (!before.text(CollectionFields.CURRENCY).equals(after.text(CollectionFields.CURRENCY))
                && ObligationStore.count(change.connection(), after.id()) > 0) {
            errors.add(new FieldError(CollectionFields.CURRENCY, "The obligations are in "
                    + before.text(CollectionFields.CURRENCY) + ": remove them before changing the currency"));
        }
        refuse(errors);
        collector(change, after);
    }

    @Override
    public void beforeDelete(Change change) throws SQLException {
        ObligationStore.delete(change.connection(), change.id());
    }

    @Override
    public void beforeMerge(Change change, RecordRow merged) throws SQLException {
        RecordRow survivor = change.before().orElseThrow();
        if (!survivor.text(CollectionFields.CURRENCY).equals(merged.text(CollectionFields.CURRENCY))
                && ObligationStore.count(change.connection(), merged.id()) > 0
                && ObligationStore.count(change.connection(), survivor.id()) > 0) {
            refuse(List.of(new FieldError(CollectionFields.CURRENCY, "Only collections in one currency are merged: "
                    + survivor.text(CollectionFields.CURRENCY) + " and " + merged.text(CollectionFields.CURRENCY))));
        }
        ObligationStore.move(change.connection(), merged.id(), survivor.id());
    }

    @Override
    public void afterMerge(Change change, RecordRow merged) throws SQLException {
        ObligationStore.setTotals(change.connection(), change.id(), ObligationRules.totals(
                ObligationStore.list(change.connection(), change.id()), LocalDate.now(ZoneOffset.UTC)));
    }

    private static void customer(RecordRow row, List<FieldError> errors) {
        if (row.lookup(CollectionFields.COMPANY).isEmpty() && row.lookup(CollectionFields.CONTACT).isEmpty()) {
            errors.add(new FieldError(CollectionFields.COMPANY, CUSTOMER_NEEDED));
        }
    }

    /** A collection without a collector is its owner's to collect. */
    private static void collector(Change change, RecordRow row) throws SQLException {
        if (row.text(CollectionFields.COLLECTOR).isBlank() && !row.text(CollectionFields.OWNER).isBlank()) {
            ObligationStore.setCollector(change.connection(), row.id(), row.text(CollectionFields.OWNER));
        }
    }

    private boolean byService() {
        return callers.addedPermissions().contains(SERVICE_WRITE);
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
