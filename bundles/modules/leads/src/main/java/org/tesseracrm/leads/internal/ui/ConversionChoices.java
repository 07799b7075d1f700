package org.tesseracrm.leads.internal.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.leads.api.ConversionRequest;
import org.tesseracrm.leads.api.ConversionRequest.Action;
import org.tesseracrm.leads.api.ConversionRequest.Target;

/**
 * What the user chose in the conversion dialog, and the {@link ConversionRequest} it makes: the dialog's logic
 * without its components, so it can be tested without a browser.
 *
 * @param company create, link or no company
 * @param companyId the company to link, for {@link Action#LINK}
 * @param contact create, link or no contact
 * @param contactId the contact to link, for {@link Action#LINK}
 * @param opportunity whether to create an opportunity
 * @param name the opportunity's name as typed
 * @param amount the opportunity's amount as typed (parsed by the record platform, with its messages)
 * @param closeDate the opportunity's close date, if chosen
 * @param phase the opportunity's phase, if chosen
 */
record ConversionChoices(Action company, Optional<Long> companyId, Action contact, Optional<Long> contactId,
        boolean opportunity, String name, String amount, Optional<LocalDate> closeDate, Optional<String> phase) {
    /** The sections of the dialog, which are also the record types errors name before the dot. */
    static final String COMPANY = "company";
    static final String CONTACT = "contact";
    static final String OPPORTUNITY = "opportunity";

    /**
     * @param leadId the lead
     * @param version its version as the form read it
     * @return the request
     * @throws ValidationException naming {@code company} or {@code contact} when "link" is chosen without a record
     */
    ConversionRequest request(long leadId, long version) {
        List<FieldError> errors = new ArrayList<>();
        Target companyTarget = target(company, companyId, COMPANY, errors);
        Target contactTarget = target(contact, contactId, CONTACT, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ConversionRequest(leadId, version, companyTarget, contactTarget,
                opportunity ? Optional.of(opportunityValues()) : Optional.empty());
    }

    /** The values the user gave the opportunity, on top of those the service maps from the lead. */
    private RecordValues opportunityValues() {
        RecordValues.Builder values = RecordValues.builder().set("name", name.strip());
        if (!amount.isBlank()) {
            values.text("amount", amount.strip());
        }
        closeDate.ifPresent(date -> values.set("closeDate", date));
        phase.filter(p -> !p.isBlank()).ifPresent(p -> values.set("phase", p));
        return values.build();
    }

    private static Target target(Action action, Optional<Long> id, String section, List<FieldError> errors) {
        return switch (action) {
            case CREATE -> Target.CREATE;
            case SKIP -> Target.SKIP;
            case LINK -> {
                if (id.isEmpty()) {
                    errors.add(new FieldError(section, "Choose the " + section + " to link, or another option."));
                    yield Target.SKIP;
                }
                yield Target.link(id.get());
            }
        };
    }

    /**
     * Places the service's errors on the dialog: an error whose field the dialog shows stays there ({@code
     * opportunity.closeDate}); one about another field of a section ({@code company.website}) goes to the section,
     * its message prefixed with the field's label; the rest keep their field, for a notification.
     *
     * @param errors the service's errors
     * @param shown the error keys the dialog has a place for, e.g. {@code company}, {@code opportunity.name}
     * @param label the label of a field of a record type ({@code (company, website) -> "Website"})
     * @return the errors by key, the messages for one key joined
     */
    static Map<String, String> placed(List<FieldError> errors, Set<String> shown,
            BiFunction<String, String, String> label) {
        Map<String, String> placed = new LinkedHashMap<>();
        for (FieldError error : errors) {
            String key = error.field();
            String message = error.message();
            int dot = key.indexOf('.');
            if (!shown.contains(key) && dot > 0 && shown.contains(key.substring(0, dot))) {
                message = label.apply(key.substring(0, dot), key.substring(dot + 1)) + ": " + message;
                key = key.substring(0, dot);
            }
            placed.merge(key, message, (a, b) -> a + " " + b);
        }
        return placed;
    }
}
