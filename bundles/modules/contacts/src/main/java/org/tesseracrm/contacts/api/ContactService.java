package org.tesseracrm.contacts.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.kernel.api.record.RecordQuery;

/**
 * Contacts. Every method needs a signed-in caller (see
 * {@link org.tesseracrm.kernel.api.security.CallerContext}) with the permission it names
 * ({@code contacts.view}, {@code contacts.create}, {@code contacts.edit}, {@code contacts.delete}) and
 * throws {@link org.tesseracrm.kernel.api.PermissionDeniedException} otherwise. A caller sees only the
 * contacts they own and those owned by users whose role is below theirs; to them, other contacts do
 * not exist ({@link org.tesseracrm.kernel.api.NotFoundException}).
 */
@ProviderType
public interface ContactService {
    /** Record type id of contacts. */
    String RECORD_TYPE = "contact";

    /**
     * @param input the new contact's values
     * @return the stored contact, owned by the caller
     * @throws org.tesseracrm.kernel.api.ValidationException with a message per wrong field; nothing is stored
     */
    ContactData create(ContactInput input);

    /**
     * @param id the contact to change
     * @param version the version the caller read; guards against overwriting someone else's change
     * @param input the new values
     * @return the updated contact
     * @throws org.tesseracrm.kernel.api.ValidationException with a message per wrong field
     * @throws org.tesseracrm.kernel.api.NotFoundException if the contact does not exist
     * @throws org.tesseracrm.kernel.api.ConflictException if someone else changed it since it was read
     */
    ContactData update(long id, long version, ContactInput input);

    /**
     * Hands a contact over to another user; needs {@code contacts.edit}.
     *
     * @param id the contact
     * @param version the version the caller read
     * @param owner the new owner: an active user whose role is the caller's or below it
     * @return the updated contact
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException if the caller may not assign to that user
     * @throws org.tesseracrm.kernel.api.ConflictException if someone else changed it since it was read
     */
    ContactData assign(long id, long version, String owner);

    /**
     * @param id the contact to delete
     * @throws org.tesseracrm.kernel.api.NotFoundException if the contact does not exist
     */
    void delete(long id);

    /**
     * @param id a contact id
     * @return the contact, if it exists
     */
    Optional<ContactData> get(long id);

    /**
     * @param query page, sort (by {@code firstName, lastName, email, phone, companyName, owner,
     *     createdAt, updatedAt}) and text filter over first name, last name, e-mail and company
     * @return the matching contacts of that page, paged, sorted and filtered in the database
     * @throws org.tesseracrm.kernel.api.ValidationException if a sort field is not sortable
     */
    List<ContactData> list(RecordQuery query);

    /**
     * @param text the same text filter as {@link RecordQuery#text()}; empty for all
     * @return how many contacts match
     */
    long count(Optional<String> text);
}
