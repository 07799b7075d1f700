package org.tesseracrm.contacts.internal.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.contacts.api.ContactData;
import org.tesseracrm.contacts.api.ContactInput;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.contacts.internal.ContactsModule;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * Contacts for other modules, as typed DTOs, on the record platform: the same path the contacts screens,
 * imports and bulk actions take, so checks, visibility, audit and the contact's rules are the platform's.
 * Every method first asks {@link AccessControl} for the permission the API names, so a caller without it
 * is refused before anything else is looked at.
 */
@Component(service = ContactService.class)
public class ContactServiceImpl implements ContactService {
    private static final String CONFLICT = "Someone else changed this contact after you opened it. "
            + "Close it, open it again and redo your change.";

    private final Records records;
    private final AccessControl access;

    /**
     * @param records the record platform
     * @param access permissions of the caller
     * @param type the contact record type, registered once the module's tables exist
     */
    @Activate
    public ContactServiceImpl(@Reference Records records, @Reference AccessControl access,
            @Reference(target = "(" + RecordType.ID + "=" + RECORD_TYPE + ")") RecordType type) {
        this.records = records;
        this.access = access;
    }

    @Override
    public ContactData create(ContactInput input) {
        access.require(ContactsModule.CREATE);
        return data(records.create(RECORD_TYPE, values(input)));
    }

    @Override
    public ContactData update(long id, long version, ContactInput input) {
        access.require(ContactsModule.EDIT);
        return data(records.update(RECORD_TYPE, id, version, values(input)));
    }

    /**
     * Version-checked here, as the record platform's assign works on a selection and takes no version. A
     * caller who handed the contact to someone they do not see (a peer) can no longer read it: they get
     * what they handed over, with its new owner and version.
     */
    @Override
    public ContactData assign(long id, long version, String owner) {
        access.require(ContactsModule.EDIT);
        RecordRow current = records.get(RECORD_TYPE, id).orElseThrow(() -> new NotFoundException("Contact", id));
        if (current.version() != version) {
            throw new ConflictException(CONFLICT);
        }
        long changed = records.assign(RECORD_TYPE, RecordSelection.of(List.of(id)), owner);
        return records.get(RECORD_TYPE, id).map(ContactServiceImpl::data).orElseGet(() -> {
            ContactData before = data(current);
            return new ContactData(id, before.firstName(), before.lastName(), before.email(), before.phone(),
                    before.companyName(), owner, before.createdAt(), Instant.now(), version + changed);
        });
    }

    @Override
    public void delete(long id) {
        access.require(ContactsModule.DELETE);
        if (records.delete(RECORD_TYPE, RecordSelection.of(List.of(id))) == 0) {
            throw new NotFoundException("Contact", id);
        }
    }

    @Override
    public Optional<ContactData> get(long id) {
        access.require(ContactsModule.VIEW);
        return records.get(RECORD_TYPE, id).map(ContactServiceImpl::data);
    }

    @Override
    public List<ContactData> list(RecordQuery query) {
        access.require(ContactsModule.VIEW);
        return records.page(RECORD_TYPE, query).stream().map(ContactServiceImpl::data).toList();
    }

    @Override
    public long count(Optional<String> text) {
        access.require(ContactsModule.VIEW);
        return records.count(RECORD_TYPE, RecordQuery.page(0, 1).withText(text.orElse(null)), Long.MAX_VALUE);
    }

    /** @return the input as typed values; an empty one clears its field */
    static RecordValues values(ContactInput input) {
        return RecordValues.builder().set("firstName", input.firstName()).set("lastName", input.lastName())
                .set("email", input.email()).set("phone", input.phone()).set("companyName", input.companyName())
                .build();
    }

    /** @return the API's contact of a record row */
    static ContactData data(RecordRow row) {
        return new ContactData(row.id(), row.text("firstName"), row.text("lastName"), row.text("email"),
                row.text("phone"), row.text("companyName"), row.text("owner"), instant(row, "createdAt"),
                instant(row, "updatedAt"), row.version());
    }

    private static Instant instant(RecordRow row, String field) {
        return row.dateTime(field).map(utc -> utc.toInstant(ZoneOffset.UTC)).orElse(Instant.EPOCH);
    }
}
