package org.tesseracrm.campaigns.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SegmentTest {
    @Test
    void oneMemberPerAddressWithoutCaseOrBlanks() {
        List<Segment.Candidate> added = Segment.newMembers(Set.of("old@example.com"), List.of(
                new Segment.Candidate("contact", 1, " Ada@Example.com ", "Ada"),
                new Segment.Candidate("lead", 2, "ada@example.COM", "Ada again"),
                new Segment.Candidate("contact", 3, "OLD@example.com", "Already in"),
                new Segment.Candidate("contact", 4, "", "No address"),
                new Segment.Candidate("contact", 5, "not an address", "Bad"),
                new Segment.Candidate("lead", 6, "bob@example.org", null)));
        assertEquals(List.of(new Segment.Candidate("contact", 1, "ada@example.com", "Ada"),
                new Segment.Candidate("lead", 6, "bob@example.org", "")), added);
    }

    @Test
    void addressesAreNormalisedOrDropped() {
        assertEquals("a@b.co", Segment.normalise(" A@B.CO "));
        assertEquals("", Segment.normalise("a@b"));
        assertEquals("", Segment.normalise("a b@c.com"));
        assertEquals("", Segment.normalise("<a@b.com>"));
        assertEquals("", Segment.normalise(null));
        assertEquals("", Segment.normalise("a@" + "b".repeat(260) + ".com"));
    }
}
