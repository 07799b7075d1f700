package org.tesseracrm.email.internal.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.email.internal.compose.RecipientCandidate.Kind;

class RecipientFinderTest {
    private final FakeDirectory directory = new FakeDirectory()
            .add("company", 1L, "name", "Acme", "email", "info@acme.example")
            .add("contact", 10L, "name", "Ada Lovelace", "email", "ada@acme.example", "cf_private", "ada@home.example",
                    "company", 1L)
            .add("contact", 11L, "name", "Bob Bar", "email", "bob@acme.example", "company", 1L)
            .add("contact", 12L, "name", "No Mail", "company", 1L)
            .add("quote", 100L, "name", "Q-1", "contact", 10L, "company", 1L, "previous", 99L)
            .add("quote", 99L, "name", "Q-0", "email", "old@elsewhere.example")
            .add("activity", 500L, "subject", "Call", "contact", 10L);
    private final RecipientFinder finder = new RecipientFinder(directory);

    private static List<String> addresses(List<RecipientCandidate> found, Kind kind) {
        return found.stream().filter(c -> c.kind() == kind).map(RecipientCandidate::address).toList();
    }

    @Test
    void offersEveryEmailFieldOfTheRecordThenItsCompanyThenTheQuotesPointingAtIt() {
        List<RecipientCandidate> found = finder.candidates("contact", 10L);
        assertEquals(List.of("ada@acme.example", "ada@home.example"), addresses(found, Kind.OWN));
        assertEquals(List.of("info@acme.example"), addresses(found, Kind.LINKED));
        // the company's other contacts; the contact itself is not offered twice
        assertEquals(List.of("bob@acme.example"), addresses(found, Kind.RELATED));
        assertEquals(List.of("ada@acme.example", "ada@home.example"), RecipientFinder.prefilled(found));
        assertEquals("Private e-mail", found.get(1).fieldLabel());
        assertEquals("Ada Lovelace <ada@acme.example>", found.get(0).shown());
    }

    @Test
    void aQuoteWithoutItsOwnAddressWritesToItsContactAndSkipsItsPreviousRevision() {
        List<RecipientCandidate> found = finder.candidates("quote", 100L);
        assertEquals(List.of(), addresses(found, Kind.OWN));
        assertEquals(List.of("ada@acme.example", "ada@home.example", "info@acme.example"),
                addresses(found, Kind.LINKED));
        assertTrue(found.stream().noneMatch(c -> c.address().equals("old@elsewhere.example")),
                "a lookup to its own type is not whom to write to");
        assertEquals(List.of("bob@acme.example"), addresses(found, Kind.RELATED));
        assertEquals(List.of("ada@acme.example", "ada@home.example", "info@acme.example"),
                RecipientFinder.prefilled(found));
        assertEquals(Optional.of("ada@acme.example"), RecipientFinder.primary(found));
        assertEquals("contact", found.get(0).record().recordType());
        assertEquals(10L, found.get(0).record().id());
    }

    @Test
    void aCompanyOffersItsContactsWithoutFillingThemIn() {
        List<RecipientCandidate> found = finder.candidates("company", 1L);
        assertEquals(List.of("info@acme.example"), RecipientFinder.prefilled(found));
        assertEquals(List.of("ada@acme.example", "ada@home.example", "bob@acme.example"),
                addresses(found, Kind.RELATED));
    }

    @Test
    void aRecordTypeWithoutEmailFieldsWritesToTheRecordItPointsAt() {
        List<RecipientCandidate> found = finder.candidates("activity", 500L);
        assertEquals(Optional.of("ada@acme.example"), RecipientFinder.primary(found));
    }

    @Test
    void withoutRelatedRecordsOnlyOwnAndLinkedAreRead() {
        List<RecipientCandidate> found = finder.candidates("company", 1L, false);
        assertEquals(List.of("info@acme.example"), found.stream().map(RecipientCandidate::address).toList());
    }

    @Test
    void recordsTheCallerDoesNotSeeGiveNothing() {
        directory.hidden.add("contact");
        assertEquals(List.of(), finder.candidates("contact", 10L));
        List<RecipientCandidate> quote = finder.candidates("quote", 100L);
        assertEquals(List.of("info@acme.example"), quote.stream().map(RecipientCandidate::address).toList());
        assertEquals(Optional.empty(), RecipientFinder.primary(finder.candidates("contact", 12L)));
    }

    @Test
    void addressesAreOfferedOnceIgnoringCase() {
        directory.add("contact", 13L, "name", "Ada Again", "email", "ADA@acme.example", "company", 1L);
        List<RecipientCandidate> found = finder.candidates("company", 1L);
        assertEquals(1, found.stream().filter(c -> c.address().equalsIgnoreCase("ada@acme.example")).count());
    }
}
