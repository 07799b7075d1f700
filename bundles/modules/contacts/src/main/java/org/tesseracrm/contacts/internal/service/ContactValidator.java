package org.tesseracrm.contacts.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.tesseracrm.contacts.api.ContactInput;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/** Trims a contact's values and checks them, collecting a message a user can act on per wrong field. */
final class ContactValidator {
    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 254;
    static final int PHONE_MAX = 40;
    static final int COMPANY_MAX = 200;

    /** Pragmatic: one @, no spaces, a dot in the domain. Full RFC 5322 would accept addresses mail servers refuse. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]+(\\s*(x|ext\\.?)\\s*[0-9]+)?$");

    private ContactValidator() {
    }

    /**
     * @param raw what the user entered
     * @return the trimmed values
     * @throws ValidationException listing every wrong field
     */
    static ContactInput validate(ContactInput raw) {
        ContactInput input = new ContactInput(raw.firstName().strip(), raw.lastName().strip(), raw.email().strip(),
                raw.phone().strip(), raw.companyName().strip());
        List<FieldError> errors = new ArrayList<>();
        maxLength(errors, "firstName", "First name", input.firstName(), NAME_MAX);
        if (input.lastName().isEmpty()) {
            errors.add(new FieldError("lastName", "Last name is required."));
        }
        maxLength(errors, "lastName", "Last name", input.lastName(), NAME_MAX);
        if (!input.email().isEmpty() && !EMAIL.matcher(input.email()).matches()) {
            errors.add(new FieldError("email", "Enter an e-mail address like name@example.com."));
        }
        maxLength(errors, "email", "E-mail", input.email(), EMAIL_MAX);
        if (!input.phone().isEmpty() && (!PHONE.matcher(input.phone()).matches() || digits(input.phone()) < 3)) {
            errors.add(new FieldError("phone", "Enter a phone number with digits, e.g. +44 20 7946 0958."));
        }
        maxLength(errors, "phone", "Phone", input.phone(), PHONE_MAX);
        maxLength(errors, "companyName", "Company", input.companyName(), COMPANY_MAX);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return input;
    }

    private static void maxLength(List<FieldError> errors, String field, String label, String value, int max) {
        if (value.length() > max) {
            errors.add(new FieldError(field, label + " can have at most " + max + " characters (it has "
                    + value.length() + ")."));
        }
    }

    private static long digits(String value) {
        return value.chars().filter(Character::isDigit).count();
    }
}
