package org.tesseracrm.contacts.internal.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
import org.tesseracrm.contacts.internal.domain.Contact;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/** Contacts in the module's own persistence unit; waits for its schema before it starts. */
@Component(service = ContactService.class)
public class ContactServiceImpl implements ContactService {
    private static final String CONFLICT = "Someone else changed this contact after you opened it. "
            + "Close it, open it again and redo your change.";

    private final JpaTemplate jpa;
    private final CallerContext callers;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param jpa the module's persistence unit
     * @param schema present once the module's tables exist
     * @param callers who is calling
     */
    @Activate
    public ContactServiceImpl(@Reference(target = "(osgi.unit.name=tessera-contacts)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.contacts)") MigratedSchema schema,
            @Reference CallerContext callers) {
        this.jpa = jpa;
        this.callers = callers;
    }

    @Override
    public ContactData create(ContactInput input) {
        Caller caller = caller();
        ContactInput valid = ContactValidator.validate(input);
        return inTransaction(em -> {
            Contact contact = new Contact(valid, caller.username(), clock.instant());
            em.persist(contact);
            em.flush();
            return contact.toData();
        });
    }

    @Override
    public ContactData update(long id, long version, ContactInput input) {
        caller();
        ContactInput valid = ContactValidator.validate(input);
        return inTransaction(em -> {
            Contact contact = find(em, id);
            if (contact.version() != version) {
                throw new ConflictException(CONFLICT);
            }
            contact.apply(valid, clock.instant());
            em.flush();
            return contact.toData();
        });
    }

    @Override
    public void delete(long id) {
        caller();
        inTransaction(em -> {
            em.remove(find(em, id));
            return null;
        });
    }

    @Override
    public Optional<ContactData> get(long id) {
        caller();
        return inTransaction(em -> Optional.ofNullable(em.find(Contact.class, id)).map(Contact::toData));
    }

    @Override
    public List<ContactData> list(RecordQuery query) {
        caller();
        String jpql = ContactQuery.select(query);
        return inTransaction(em -> {
            TypedQuery<Contact> q = em.createQuery(jpql, Contact.class)
                    .setFirstResult(query.offset())
                    .setMaxResults(query.limit());
            query.text().ifPresent(t -> q.setParameter("text", ContactQuery.pattern(t)));
            return q.getResultList().stream().map(Contact::toData).toList();
        });
    }

    @Override
    public long count(Optional<String> text) {
        caller();
        Optional<String> filter = text.map(String::trim).filter(t -> !t.isEmpty());
        return inTransaction(em -> {
            TypedQuery<Long> q = em.createQuery(ContactQuery.count(filter), Long.class);
            filter.ifPresent(t -> q.setParameter("text", ContactQuery.pattern(t)));
            return q.getSingleResult();
        });
    }

    private Caller caller() {
        return callers.current().orElseThrow(() -> new PermissionDeniedException("Sign in to work with contacts."));
    }

    private static Contact find(EntityManager em, long id) {
        Contact contact = em.find(Contact.class, id);
        if (contact == null) {
            throw new NotFoundException("Contact", id);
        }
        return contact;
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
