package org.tesseracrm.email.internal.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * The configuration of the workflow action {@code email.send} in a rule, read from the rule's text values: the
 * template's name, and whom to write to: a field of the record (an e-mail field, or a lookup to a record with one),
 * a fixed address, or, with neither, the record's own address (else that of the record it points at).
 *
 * @param template the template's name
 * @param field the record's field holding the address, if chosen
 * @param address the fixed address, if entered
 * @param account the name of the account to send through, if chosen (else the actor's default account)
 */
record EmailActionConfig(String template, Optional<String> field, Optional<String> address, Optional<String> account) {
    static final String TEMPLATE = "template";
    static final String FIELD = "recipientField";
    static final String ADDRESS = "recipientAddress";
    static final String ACCOUNT = "account";

    /** The schema the rule editor asks for. */
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.of(TEMPLATE, "Template", ParameterType.TEXT, true)
                    .withHelp("The name of an e-mail template for this record type, or a shared one."),
            Parameter.of(FIELD, "Recipient field", ParameterType.FIELD, false)
                    .withHelp("An e-mail field of the record, or a lookup to a record with one (a quote's contact)."),
            Parameter.of(ADDRESS, "Or a fixed address", ParameterType.TEXT, false)
                    .withHelp("Leave both recipient settings blank to write to the record's own e-mail address."),
            Parameter.of(ACCOUNT, "Account", ParameterType.TEXT, false)
                    .withHelp("The name of a mail account; blank for the default account of whoever started the rule."));

    /**
     * @param config a rule's values, as text by parameter name
     * @return the configuration
     * @throws ValidationException for a missing template, a bad address, or both a field and an address
     */
    static EmailActionConfig read(Map<String, String> config) {
        List<FieldError> errors = new ArrayList<>();
        String template = value(config, TEMPLATE).orElse("");
        Optional<String> field = value(config, FIELD);
        Optional<String> address = value(config, ADDRESS);
        if (template.isEmpty()) {
            errors.add(new FieldError(TEMPLATE, "Enter the name of a template."));
        }
        if (field.isPresent() && address.isPresent()) {
            errors.add(new FieldError(ADDRESS, "Choose a recipient field or enter an address, not both."));
        }
        if (address.isPresent() && !Addresses.valid(address.get())) {
            errors.add(new FieldError(ADDRESS, "Not an e-mail address: " + address.get()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new EmailActionConfig(template, field, address, value(config, ACCOUNT));
    }

    /**
     * @param directory reads the record's fields and a looked-up record
     * @param recordType the rule's record type
     * @param row the rule's record
     * @param finder finds the record's own address when no recipient is configured
     * @return the address to write to, or empty if the record has none
     * @throws ValidationException when the chosen field does not exist or cannot hold an address
     */
    Optional<String> recipient(RecordDirectory directory, String recordType, RecordRow row, RecipientFinder finder) {
        if (address.isPresent()) {
            return address;
        }
        if (field.isEmpty()) {
            return RecipientFinder.primary(finder.candidates(recordType, row.id(), false));
        }
        FieldDefinition chosen = directory.fields(recordType).stream().filter(f -> f.name().equals(field.get()))
                .findFirst().orElseThrow(() -> new ValidationException(List.of(new FieldError(FIELD,
                        "The record type has no field " + field.get() + "."))));
        if (chosen.type() == FieldType.EMAIL) {
            return Optional.of(row.text(chosen.name()).strip()).filter(a -> !a.isEmpty());
        }
        if (chosen.type() == FieldType.LOOKUP && chosen.lookupType().isPresent()) {
            String type = chosen.lookupType().get();
            return row.value(chosen.name()).filter(Long.class::isInstance).map(Long.class::cast)
                    .flatMap(id -> directory.get(type, id))
                    .flatMap(other -> RecipientFinder.emails(other, directory.fields(type)).stream().findFirst());
        }
        throw new ValidationException(List.of(new FieldError(FIELD, "The field " + chosen.label()
                + " holds no e-mail address: choose an e-mail field or a lookup to a record with one.")));
    }

    private static Optional<String> value(Map<String, String> config, String name) {
        return Optional.ofNullable(config.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
