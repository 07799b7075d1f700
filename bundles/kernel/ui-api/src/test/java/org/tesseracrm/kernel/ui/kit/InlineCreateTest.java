package org.tesseracrm.kernel.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;

/** When a lookup offers New…, the ids of its button and form, and the new record landing in the lookup. */
class InlineCreateTest {
    private static final RecordType CONTACT = type("contacts", true);

    @Test
    void newIsOfferedOnlyToUsersWhoMayCreateTheLookedUpTypeOnAFormTheyMayChange() {
        assertTrue(InlineCreate.offered(true, CONTACT, permitted("contacts.create")));
        assertFalse(InlineCreate.offered(true, CONTACT, permitted("contacts.view", "contacts.edit", "cases.create")),
                "another module's create permission or the target's edit is not enough");
        assertFalse(InlineCreate.offered(false, CONTACT, permitted("contacts.create")), "read-only form or field");
        assertFalse(InlineCreate.offered(true, type("contacts", false), permitted("contacts.create")),
                "a type whose records cannot be created (no ids)");
    }

    @Test
    void theButtonIdIsTheFormPrefixAndFieldAndPrefixesTheSecondFormSoNestedFormsNeverShareIds() {
        assertEquals("case-contact-new", InlineCreate.prefix("case", "contact"));
        assertEquals("case-contact-new-company-new", InlineCreate.prefix(InlineCreate.prefix("case", "contact"), "company"));
    }

    @Test
    void theCreatedRecordBecomesTheLookupsValueWithTheTitleUsersSeeAndIsWrittenAsTheChosenRecord() {
        FieldDefinition field = new FieldDefinition("contact", "Contact", FieldType.LOOKUP, false, 0, true, "CONTACT_ID",
                false, Optional.of("contact"));
        FieldInput input = FieldInput.of(field, List::of, records(Map.of(42L, "Nora Quist")));
        assertEquals("", input.text().get());

        // what the New… button does with the record its form saved
        input.show().accept(new RecordRef("contact", 42, "Nora Quist").id());

        assertEquals("42", input.text().get());
        assertEquals(new RecordRef("contact", 42, "Nora Quist"), input.component().getValue());
        RecordValues.Builder values = RecordValues.builder();
        input.write().accept(values, "contact");
        assertEquals(new RecordRef("contact", 42, "Nora Quist"), values.build().value("contact").orElseThrow());
    }

    private static AccessControl permitted(String... permissions) {
        Set<String> granted = Set.of(permissions);
        return stub(AccessControl.class, Map.of("permitted", args -> granted.contains((String) args[0])));
    }

    private static RecordType type(String module, boolean creatable) {
        IdGenerator ids = new IdGenerator("CONTACTS_ID_GEN", "NAME", "VALUE", "contact");
        return stub(RecordType.class, Map.of("moduleId", args -> module, "id", args -> "contact", "label",
                args -> "Contact", "ids", args -> creatable ? Optional.of(ids) : Optional.empty()));
    }

    /** Records that only name records: each id its title, or the neutral name. */
    private static Records records(Map<Long, String> titles) {
        return stub(Records.class, Map.of("shownTitles", args -> ((Collection<?>) args[1]).stream()
                .map(Long.class::cast).collect(Collectors.toMap(id -> id, id -> titles.getOrDefault(id, "#" + id)))));
    }

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answer.apply(args);
        });
    }
}
