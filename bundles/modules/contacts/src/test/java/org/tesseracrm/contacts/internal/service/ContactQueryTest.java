package org.tesseracrm.contacts.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.Visibility;

class ContactQueryTest {
    private static final Visibility ALL = new Visibility(true, Set.of());

    @Test
    void defaultsToNameOrderWithIdAsTieBreaker() {
        assertEquals("SELECT c FROM Contact c ORDER BY c.lastName ASC, c.firstName ASC, c.id ASC",
                ContactQuery.select(RecordQuery.page(0, 50), ALL));
    }

    @Test
    void sortsByTheRequestedFieldsInOrder() {
        RecordQuery q = RecordQuery.page(0, 50).withSort(List.of(new SortOrder("companyName", false),
                new SortOrder("email", true)));
        assertEquals("SELECT c FROM Contact c ORDER BY c.companyName DESC, c.email ASC, c.id ASC", ContactQuery.select(q, ALL));
    }

    @Test
    void searchesTheSearchFieldsThroughABoundParameter() {
        String jpql = ContactQuery.select(RecordQuery.page(0, 50).withText("x' OR 1=1 --"), ALL);
        assertEquals("SELECT c FROM Contact c WHERE (LOWER(c.firstName) LIKE :text ESCAPE '\\' OR LOWER(c.lastName) "
                + "LIKE :text ESCAPE '\\' OR LOWER(c.email) LIKE :text ESCAPE '\\' OR LOWER(c.companyName) LIKE :text "
                + "ESCAPE '\\') ORDER BY c.lastName ASC, c.firstName ASC, c.id ASC", jpql);
        assertEquals("SELECT COUNT(c) FROM Contact c", ContactQuery.count(Optional.empty(), ALL));
    }

    @Test
    void limitsACallerWhoDoesNotSeeEverythingToTheVisibleOwnersInTheQueryItself() {
        Visibility some = new Visibility(false, Set.of("rep"));
        assertEquals("SELECT c FROM Contact c WHERE (LOWER(c.firstName) LIKE :text ESCAPE '\\' OR LOWER(c.lastName) "
                + "LIKE :text ESCAPE '\\' OR LOWER(c.email) LIKE :text ESCAPE '\\' OR LOWER(c.companyName) LIKE :text "
                + "ESCAPE '\\') AND c.owner IN :owners ORDER BY c.lastName ASC, c.firstName ASC, c.id ASC",
                ContactQuery.select(RecordQuery.page(0, 50).withText("x"), some));
        assertEquals("SELECT COUNT(c) FROM Contact c WHERE c.owner IN :owners", ContactQuery.count(Optional.empty(), some));
    }

    @Test
    void escapesLikeWildcardsSoTheyMatchLiterally() {
        assertEquals("%100\\% \\_sure\\\\%", ContactQuery.pattern("100% _Sure\\"));
    }

    @Test
    void refusesSortFieldsOutsideTheWhitelist() {
        ValidationException e = assertThrows(ValidationException.class, () -> ContactQuery.select(
                RecordQuery.page(0, 50).withSort(List.of(new SortOrder("id; DROP TABLE CRM_CONTACT", true))), ALL));
        assertEquals("sort", e.errors().get(0).field());
    }
}
