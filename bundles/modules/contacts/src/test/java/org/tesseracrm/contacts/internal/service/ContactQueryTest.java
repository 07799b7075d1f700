package org.tesseracrm.contacts.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.SortOrder;

class ContactQueryTest {

    @Test
    void defaultsToNameOrderWithIdAsTieBreaker() {
        assertEquals("SELECT c FROM Contact c ORDER BY c.lastName ASC, c.firstName ASC, c.id ASC",
                ContactQuery.select(RecordQuery.page(0, 50)));
    }

    @Test
    void sortsByTheRequestedFieldsInOrder() {
        RecordQuery q = RecordQuery.page(0, 50).withSort(List.of(new SortOrder("companyName", false),
                new SortOrder("email", true)));
        assertEquals("SELECT c FROM Contact c ORDER BY c.companyName DESC, c.email ASC, c.id ASC", ContactQuery.select(q));
    }

    @Test
    void searchesTheSearchFieldsThroughABoundParameter() {
        String jpql = ContactQuery.select(RecordQuery.page(0, 50).withText("x' OR 1=1 --"));
        assertEquals("SELECT c FROM Contact c WHERE LOWER(c.firstName) LIKE :text ESCAPE '\\' OR LOWER(c.lastName) "
                + "LIKE :text ESCAPE '\\' OR LOWER(c.email) LIKE :text ESCAPE '\\' OR LOWER(c.companyName) LIKE :text "
                + "ESCAPE '\\' ORDER BY c.lastName ASC, c.firstName ASC, c.id ASC", jpql);
        assertEquals("SELECT COUNT(c) FROM Contact c", ContactQuery.count(Optional.empty()));
    }

    @Test
    void escapesLikeWildcardsSoTheyMatchLiterally() {
        assertEquals("%100\\% \\_sure\\\\%", ContactQuery.pattern("100% _Sure\\"));
    }

    @Test
    void refusesSortFieldsOutsideTheWhitelist() {
        ValidationException e = assertThrows(ValidationException.class, () -> ContactQuery.select(
                RecordQuery.page(0, 50).withSort(List.of(new SortOrder("id; DROP TABLE CRM_CONTACT", true)))));
        assertEquals("sort", e.errors().get(0).field());
    }
}
