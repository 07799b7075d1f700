package org.tesseracrm.contacts.internal.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

import org.tesseracrm.contacts.api.ContactData;
import org.tesseracrm.contacts.api.ContactInput;

/** A contact row. Never leaves the bundle: callers get {@link ContactData}. */
@Entity
@Table(name = "CRM_CONTACT")
public class Contact {

    /** TABLE ids with a large allocation keep JDBC batch inserts possible (IDENTITY would not). */
    @Id
    @TableGenerator(name = "contactIds", table = "CONTACTS_ID_GEN", pkColumnName = "GEN_NAME",
            valueColumnName = "GEN_VALUE", pkColumnValue = "CONTACT", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contactIds")
    @Column(name = "ID")
    private Long id;

    @Column(name = "FIRST_NAME", length = 100, nullable = false)
    private String firstName;

    @Column(name = "LAST_NAME", length = 100, nullable = false)
    private String lastName;

    @Column(name = "EMAIL", length = 254, nullable = false)
    private String email;

    @Column(name = "PHONE", length = 40, nullable = false)
    private String phone;

    @Column(name = "COMPANY_NAME", length = 200, nullable = false)
    private String companyName;

    @Column(name = "OWNER", length = 100, nullable = false)
    private String owner;

    /** UTC; JPA 2.2 has no mapping for Instant. */
    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private LocalDateTime updatedAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    /** For JPA. */
    protected Contact() {
    }

    /**
     * @param input validated, trimmed values
     * @param owner the owner's user name
     * @param now the creation time
     */
    public Contact(ContactInput input, String owner, Instant now) {
        this.owner = owner;
        this.createdAt = utc(now);
        apply(input, now);
    }

    /**
     * @param input validated, trimmed values
     * @param now the change time
     */
    public void apply(ContactInput input, Instant now) {
        firstName = input.firstName();
        lastName = input.lastName();
        email = input.email();
        phone = input.phone();
        companyName = input.companyName();
        updatedAt = utc(now);
    }

    /**
     * @param newOwner the new owner's user name
     * @param now the change time
     */
    public void assignTo(String newOwner, Instant now) {
        owner = newOwner;
        updatedAt = utc(now);
    }

    /** @return the owner's user name */
    public String owner() {
        return owner;
    }

    /** @return the optimistic-locking version */
    public long version() {
        return version;
    }

    /** @return the API view of this row */
    public ContactData toData() {
        return new ContactData(id, firstName, lastName, email, phone, companyName, owner,
                createdAt.toInstant(ZoneOffset.UTC), updatedAt.toInstant(ZoneOffset.UTC), version);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
