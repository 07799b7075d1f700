package org.tesseracrm.email.internal.template;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.tesseracrm.kernel.api.record.FieldDefinition;

/**
 * A record type as merge fields name it: the names it answers to and its fields, predefined and custom.
 *
 * @param id the record type id, e.g. {@code contact}
 * @param moduleId its module, e.g. {@code contacts}
 * @param label its singular label, e.g. "Contact"
 * @param pluralLabel its plural label, e.g. "Contacts", which offered merge fields start with
 * @param fields its fields, predefined then custom
 */
record MergeType(String id, String moduleId, String label, String pluralLabel, List<FieldDefinition> fields) {
    /** Copies the fields. */
    MergeType {
        fields = List.copyOf(fields);
    }

    /** @return whether a merge field's first part names this type (plural or singular label, id or module) */
    boolean answersTo(String name) {
        String key = key(name);
        return Stream.of(pluralLabel, label, id, moduleId).anyMatch(n -> key(n).equals(key));
    }

    /** @return the field with this label or name (case, spaces and punctuation aside) */
    Optional<FieldDefinition> field(String name) {
        String key = key(name);
        return fields.stream().filter(f -> key(f.label()).equals(key)).findFirst()
                .or(() -> fields.stream().filter(f -> key(f.name()).equals(key)).findFirst());
    }

    /**
     * @return a name reduced to lower-case letters, digits and dots: "E-mail", "email" and "EMail" are the same, but
     *     "Company.Name" (a lookup's field) is not "Company name"
     */
    static String key(String name) {
        StringBuilder key = new StringBuilder();
        name.toLowerCase(Locale.ROOT).codePoints().filter(c -> Character.isLetterOrDigit(c) || c == '.')
                .forEach(key::appendCodePoint);
        return key.toString();
    }
}
