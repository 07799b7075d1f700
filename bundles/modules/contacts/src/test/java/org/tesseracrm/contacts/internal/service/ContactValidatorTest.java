package org.tesseracrm.contacts.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.contacts.api.ContactInput;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

class ContactValidatorTest {

    @Test
    void trimsEveryValue() {
        ContactInput valid = ContactValidator.validate(
                new ContactInput("  Ada ", " Lovelace ", " ada@example.org ", " +44 20 7946 0958 ", " Engines "));
        assertEquals(new ContactInput("Ada", "Lovelace", "ada@example.org", "+44 20 7946 0958", "Engines"), valid);
    }

    @Test
    void requiresALastNameEvenIfOnlyBlanksWereTyped() {
        assertEquals(List.of("lastName"), fields(new ContactInput("Ada", "   ", "", "", "")));
    }

    @Test
    void reportsEveryWrongFieldAtOnce() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ContactValidator.validate(new ContactInput("x".repeat(101), "", "ada@", "call me", "")));
        assertEquals(List.of("firstName", "lastName", "email", "phone"),
                e.errors().stream().map(FieldError::field).toList());
        assertEquals("First name can have at most 100 characters (it has 101).", e.errors().get(0).message());
        assertEquals("Enter an e-mail address like name@example.com.", e.errors().get(2).message());
    }

    @Test
    void refusesMalformedEmailAddresses() {
        for (String email : List.of("ada", "ada@example", "ada @example.org", "a@b@example.org", "ada@example.o")) {
            assertEquals(List.of("email"), fields(new ContactInput("", "L", email, "", "")), email);
        }
    }

    @Test
    void acceptsCommonPhoneFormatsAndRefusesTooFewDigits() {
        for (String phone : List.of("+1 (555) 010-9999", "030/123456", "0161 496 0000 ext. 12", "555.0100")) {
            ContactValidator.validate(new ContactInput("", "L", "", phone, ""));
        }
        assertEquals(List.of("phone"), fields(new ContactInput("", "L", "", "+-", "")));
    }

    @Test
    void enforcesTheColumnLengths() {
        assertEquals(List.of("companyName"), fields(new ContactInput("", "L", "", "", "c".repeat(201))));
        assertEquals(List.of("phone"), fields(new ContactInput("", "L", "", "1".repeat(41), "")));
        ContactValidator.validate(new ContactInput("f".repeat(100), "l".repeat(100), "", "1".repeat(40), "c".repeat(200)));
    }

    private static List<String> fields(ContactInput input) {
        ValidationException e = assertThrows(ValidationException.class, () -> ContactValidator.validate(input));
        return e.errors().stream().map(FieldError::field).toList();
    }
}
