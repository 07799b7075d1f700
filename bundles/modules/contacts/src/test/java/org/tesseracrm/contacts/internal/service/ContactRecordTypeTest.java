package org.tesseracrm.contacts.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.FieldDefinition;

class ContactRecordTypeTest {
    private final ContactRecordType contacts = new ContactRecordType(null);

    @Test
    void withoutCompaniesTheFreeTextNameIsTheCompanyAndIsListed() {
        assertEquals("Company name", field("companyName").label());
        assertTrue(contacts.listedByDefault("companyName"));
        assertEquals(Optional.empty(), contacts.fieldHint("companyName"));
    }

    @Test
    void withCompaniesTheLookupComesFirstAndTheTextSaysItIsUnlinked() {
        contacts.companies = new ContactRecordType(null); // any record type registered as "company"
        List<String> names = contacts.fields().stream().map(FieldDefinition::name).toList();
        assertEquals(names.indexOf("company") + 1, names.indexOf("companyName"), names.toString());
        assertEquals(ContactRecordType.UNLINKED_LABEL, field("companyName").label());
        assertEquals("COMPANY_NAME", field("companyName").column());
        assertFalse(contacts.listedByDefault("companyName"));
        assertTrue(contacts.listedByDefault("company"));
        assertEquals(Optional.of(ContactRecordType.UNLINKED_HINT), contacts.fieldHint("companyName"));
        assertEquals(Optional.empty(), contacts.fieldHint("company"));
        assertEquals(9, contacts.fields().size());
    }

    private FieldDefinition field(String name) {
        return contacts.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
