package org.tesseracrm.contacts.api;

/**
 * What a user enters for a contact. Absent values are empty strings, never null; the service trims
 * every value and refuses invalid ones with field messages.
 *
 * @param firstName up to 100 characters
 * @param lastName required, up to 100 characters
 * @param email an e-mail address, or empty
 * @param phone a phone number, or empty
 * @param companyName the company the contact works for, or empty
 */
public record ContactInput(String firstName, String lastName, String email, String phone, String companyName) {
    /** Turns nulls into empty strings. */
    public ContactInput {
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        email = email == null ? "" : email;
        phone = phone == null ? "" : phone;
        companyName = companyName == null ? "" : companyName;
    }
}
