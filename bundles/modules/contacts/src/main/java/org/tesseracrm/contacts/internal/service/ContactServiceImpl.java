package org.tesseracrm.contacts.internal.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.contacts.api.ContactData;
import org.tesseracrm.contacts.api.ContactInput;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.contacts.internal.ContactsModule;
import org.tesseracrm.contacts.internal.domain.Contact;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * Contacts in the module's own persistence unit; waits for its schema before it starts. Every method
 * first asks {@link AccessControl} for its permission, and reads and writes only contacts the caller
 * sees (the owner condition is part of the query). Changes go to the audit trail after they commit.
 */
@Component(service = ContactService.class)
public class ContactServiceImpl implements ContactService {
    private static final String CONFLICT = "Someone else changed this contact after you opened it. "
            + "Close it, open it again and redo your change.";

    private final JpaTemplate jpa;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param jpa the module's persistence unit
     * @param schema present once the module's tables exist
     * @param access permissions and record visibility of the caller
     * @param audit where changes are recorded
     */
    @Activate
    public ContactServiceImpl(@Reference(target = "(osgi.unit.name=tessera-contacts)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.contacts)") MigratedSchema schema,
            @Reference AccessControl access, @Reference AuditTrail audit) {
        this.jpa = jpa;
        this.access = access;
        this.audit = audit;
    }

    @Override
    public ContactData create(ContactInput input) {
        Caller caller = access.require(ContactsModule.CREATE);
        ContactInput valid = ContactValidator.validate(input);
        ContactData created = inTransaction(em -> {
            Contact contact = new Contact(valid, caller.username(), clock.instant());
            em.persist(contact);
            em.flush();
            return contact.toData();
        });
        audited(AuditAction.CREATE, null, created);
        return created;
    }

    @Override
    public ContactData update(long id, long version, ContactInput input) {
        access.require(ContactsModule.EDIT);
        ContactInput valid = ContactValidator.validate(input);
        return change(id, version, contact -> contact.apply(valid, clock.instant()));
    }

    @Override
    public ContactData assign(long id, long version, String owner) {
        access.require(ContactsModule.EDIT);
        access.checkAssignable(owner);
        return change(id, version, contact -> contact.assignTo(owner, clock.instant()));
    }

    @Override
    public void delete(long id) {
        access.require(ContactsModule.DELETE);
        Visibility visible = access.visibility();
        ContactData deleted = inTransaction(em -> {
            Contact contact = find(em, id, visible, null);
            ContactData data = contact.toData();
            em.remove(contact);
            return data;
        });
        audited(AuditAction.DELETE, deleted, null);
    }

    @Override
    public Optional<ContactData> get(long id) {
        access.require(ContactsModule.VIEW);
        Visibility visible = access.visibility();
        return inTransaction(em -> Optional.ofNullable(em.find(Contact.class, id))
                .filter(c -> visible.canSee(c.owner())).map(Contact::toData));
    }

    @Override
    public List<ContactData> list(RecordQuery query) {
        access.require(ContactsModule.VIEW);
        Visibility visible = access.visibility();
        String jpql = ContactQuery.select(query, visible);
        return inTransaction(em -> {
            TypedQuery<Contact> q = em.createQuery(jpql, Contact.class)
                    .setFirstResult(query.offset())
                    .setMaxResults(query.limit());
            query.text().ifPresent(t -> q.setParameter("text", ContactQuery.pattern(t)));
            ContactQuery.bindOwners(q, visible);
            return q.getResultList().stream().map(Contact::toData).toList();
        });
    }

    @Override
    public long count(Optional<String> text) {
        access.require(ContactsModule.VIEW);
        Visibility visible = access.visibility();
        Optional<String> filter = text.map(String::trim).filter(t -> !t.isEmpty());
        return inTransaction(em -> {
            TypedQuery<Long> q = em.createQuery(ContactQuery.count(filter, visible), Long.class);
            filter.ifPresent(t -> q.setParameter("text", ContactQuery.pattern(t)));
            ContactQuery.bindOwners(q, visible);
            return q.getSingleResult();
        });
    }

    /** Changes a contact the caller sees and that nobody changed since {@code version}, then audits it. */
    private ContactData change(long id, long version, Consumer<Contact> mutation) {
        Visibility visible = access.visibility();
        ContactData[] before = new ContactData[1];
        ContactData after = inTransaction(em -> {
            Contact contact = find(em, id, visible, version);
            before[0] = contact.toData();
            mutation.accept(contact);
            em.flush();
            return contact.toData();
        });
        audited(AuditAction.UPDATE, before[0], after);
        return after;
    }

    /**
     * @param version the version the caller read, or null not to check
     * @return the contact, if it exists and the caller sees it (otherwise it does not exist for them)
     */
    private static Contact find(EntityManager em, long id, Visibility visible, Long version) {
        Contact contact = em.find(Contact.class, id);
        if (contact == null || !visible.canSee(contact.owner())) {
            throw new NotFoundException("Contact", id);
        }
        if (version != null && contact.version() != version) {
            throw new ConflictException(CONFLICT);
        }
        return contact;
    }

    private void audited(AuditAction action, ContactData before, ContactData after) {
        ContactData current = after != null ? after : before;
        audit.record(new RecordChange(ContactsModule.ID, RECORD_TYPE, current.id(), current.fullName(), current.owner(),
                action, fields(before), fields(after)));
    }

    private static Map<String, Object> fields(ContactData contact) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (contact != null) {
            fields.put("firstName", contact.firstName());
            fields.put("lastName", contact.lastName());
            fields.put("email", contact.email());
            fields.put("phone", contact.phone());
            fields.put("companyName", contact.companyName());
            fields.put("owner", contact.owner());
        }
        return fields;
    }

    /** Runs work in a transaction and surfaces our own exceptions unwrapped. */
    private <T> T inTransaction(Function<EntityManager, T> work) {
        try {
            return jpa.txExpr(TransactionType.Required, work::apply);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OptimisticLockException) {
                    throw new ConflictException(CONFLICT);
                }
            }
            throw CrmException.surface(e);
        }
    }
}
