package org.tesseracrm.email.internal.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * Finds the contacts, leads and companies (those installed) whose {@code email} field is an address, through the
 * record platform's list query, as one caller: the mailbox's owner (so their mail never lands on records they do not
 * see) or the system for a shared mailbox. A caller without a module's view permission finds none of its records.
 */
final class RecordsFinder implements RecordFinder {
    /** The record types matched by address, in this order. */
    static final List<String> TYPES = List.of("contact", "lead", "company");
    private static final String EMAIL = "email";
    private static final int PER_TYPE = 5;

    private final Records records;
    private final RecordTypes types;
    private final CallerContext callers;
    private final AccessControl access;
    private final Caller caller;

    RecordsFinder(Records records, RecordTypes types, CallerContext callers, AccessControl access, Caller caller) {
        this.records = records;
        this.access = access;
        this.types = types;
        this.callers = callers;
        this.caller = caller;
    }

    @Override
    public List<RecordRef> byAddress(String address) {
        if (address.isBlank() || address.length() > 254) {
            return List.of();
        }
        return callers.callAs(caller, () -> {
            List<RecordRef> found = new ArrayList<>();
            for (String typeId : TYPES) {
                Optional<RecordType> type = types.find(typeId).filter(RecordsFinder::hasEmail);
                if (type.isEmpty()) {
                    continue;
                }
                if (!access.permitted(type.get().moduleId() + ".view")) {
                    continue; // asked first: a refusal inside the run's transaction would roll it back
                }
                for (RecordRow row : records.page(typeId, RecordQuery.page(0, PER_TYPE)
                        .withFilters(List.of(Filter.of(EMAIL, FilterOp.EQUALS, address))))) {
                    found.add(new RecordRef(typeId, row.id(), type.get().title(row)));
                }
            }
            return found;
        });
    }

    private static boolean hasEmail(RecordType type) {
        return type.fields().stream().anyMatch(f -> EMAIL.equals(f.name()) && f.type() == FieldType.EMAIL);
    }
}
