package org.tesseracrm.leads.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.leads.api.ConversionRequest;
import org.tesseracrm.leads.api.ConversionRequest.Action;
import org.tesseracrm.leads.api.ConversionRequest.Target;

class ConversionChoicesTest {
    @Test
    void createsCompanyLinksContactAndCarriesTheOpportunityValues() {
        ConversionChoices choices = new ConversionChoices(Action.CREATE, Optional.of(99L), Action.LINK, Optional.of(7L),
                true, "  Acme deal ", "1,500.50", Optional.of(LocalDate.of(2027, 1, 31)), Optional.of("Proposal"));

        ConversionRequest request = choices.request(12, 3);

        assertEquals(12, request.leadId());
        assertEquals(3, request.version());
        assertEquals(Target.CREATE, request.company(), "a chosen record does not matter when creating");
        assertEquals(Target.link(7), request.contact());
        RecordValues opportunity = request.opportunity().orElseThrow();
        assertEquals(Optional.of("Acme deal"), opportunity.value("name"));
        assertEquals("1,500.50", opportunity.texts().get("amount"), "the platform parses the amount as typed");
        assertEquals(Optional.of(LocalDate.of(2027, 1, 31)), opportunity.value("closeDate"));
        assertEquals(Optional.of("Proposal"), opportunity.value("phase"));
    }

    @Test
    void leavesOutAnOpportunityNotAskedForAndValuesNotGiven() {
        ConversionChoices none = new ConversionChoices(Action.SKIP, Optional.empty(), Action.CREATE, Optional.empty(),
                false, "Acme deal", "10", Optional.empty(), Optional.empty());
        assertEquals(Optional.empty(), none.request(1, 0).opportunity());
        assertEquals(Target.SKIP, none.request(1, 0).company());

        ConversionChoices bare = new ConversionChoices(Action.SKIP, Optional.empty(), Action.CREATE, Optional.empty(),
                true, "Deal", " ", Optional.empty(), Optional.of(""));
        RecordValues opportunity = bare.request(1, 0).opportunity().orElseThrow();
        assertEquals(Set.of("name"), opportunity.fields(), "no amount, close date or phase when none was given");
    }

    @Test
    void refusesLinkingWithoutARecordNamingTheSection() {
        ConversionChoices choices = new ConversionChoices(Action.LINK, Optional.empty(), Action.LINK, Optional.empty(),
                false, "", "", Optional.empty(), Optional.empty());

        ValidationException e = assertThrows(ValidationException.class, () -> choices.request(1, 0));

        assertEquals(List.of("company", "contact"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void placesErrorsAtTheirFieldOrTheirSectionWithTheFieldsLabel() {
        List<FieldError> errors = List.of(new FieldError("opportunity.closeDate", "Must be a date."),
                new FieldError("company.website", "Not a web address."),
                new FieldError("company.name", "Required."),
                new FieldError("version", "The lead changed."));

        Map<String, String> placed = ConversionChoices.placed(errors, Set.of("company", "contact",
                "opportunity.closeDate"), (type, field) -> type + "/" + field);

        assertEquals("Must be a date.", placed.get("opportunity.closeDate"));
        assertEquals("company/website: Not a web address. company/name: Required.", placed.get("company"));
        assertEquals("The lead changed.", placed.get("version"), "left for a notification");
        assertTrue(!placed.containsKey("contact"));
    }
}
