package org.tesseracrm.contacts.api;

import java.time.Instant;

/**
 * A stored contact.
 *
 * @param id the contact's id
 * @param firstName first name, possibly empty
 * @param lastName last name
 * @param email e-mail address, possibly empty
 * @param phone phone number, possibly empty
 * @param companyName company name, possibly empty
 * @param owner user name of the owner
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param version changes with every update; pass it back to {@link ContactService#update}
 */
public record ContactData(long id, String firstName, String lastName, String email, String phone,
        String companyName, String owner, Instant createdAt, Instant updatedAt, long version) {

    /** @return "First Last", or just the last name */
    public String fullName() {
        return firstName.isEmpty() ? lastName : firstName + " " + lastName;
    }

    /** @return the editable part, e.g. to fill a form */
    public ContactInput input() {
        return new ContactInput(firstName, lastName, email, phone, companyName);
    }
}
