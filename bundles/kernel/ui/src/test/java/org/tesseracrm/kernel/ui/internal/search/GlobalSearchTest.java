package org.tesseracrm.kernel.ui.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.SearchGroup;
import org.tesseracrm.kernel.ui.internal.search.GlobalSearch.Hit;

class GlobalSearchTest {
    @Test
    void eachGroupsFirstRecordCarriesTheTypesLabelAndSaysWhenThereAreMore() {
        RecordRef acme = new RecordRef("company", 7, "Acme");
        RecordRef ada = new RecordRef("contact", 1, "Ada Smith");
        RecordRef bob = new RecordRef("contact", 2, "Bob Smith");
        List<Hit> hits = GlobalSearch.hits(List.of(new SearchGroup("company", "Companies", List.of(acme), false),
                new SearchGroup("contact", "Contacts", List.of(ada, bob), true)));
        assertEquals(List.of(new Hit(acme, "Companies"), new Hit(ada, "Contacts (first 2)"), new Hit(bob, "")), hits);
    }

    @Test
    void noGroupsOfferNothing() {
        assertEquals(List.of(), GlobalSearch.hits(List.of()));
    }
}
