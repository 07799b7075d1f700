package com.example.loyalty.internal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.automation.Trigger;
import org.tesseracrm.kernel.api.automation.TriggerEvent;

/**
 * A workflow trigger contributed by this module: "Loyalty points awarded" ({@value #ID}) on a contact. The points
 * service posts a {@link TriggerEvent} for each contact it awards points to, after the award commits, with the details
 * {@code points} (this award) and {@code balance} (the contact's balance after it). A rule may ask for a minimum
 * balance, e.g. "when a contact reaches 1,000 points, create a call for its owner".
 */
@Component(service = Trigger.class, property = Trigger.ID + "=" + PointsAwardedTrigger.ID)
public class PointsAwardedTrigger implements Trigger {
    /** The trigger's id. */
    public static final String ID = "loyalty.pointsAwarded";
    /** Detail: the points of this award. */
    public static final String POINTS = "points";
    /** Detail: the contact's balance after it. */
    public static final String BALANCE = "balance";
    /** Parameter: the balance a rule waits for. */
    public static final String MINIMUM_BALANCE = "minimumBalance";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Loyalty points awarded";
    }

    @Override
    public Set<String> recordTypes() {
        return Set.of("contact");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.of(MINIMUM_BALANCE, "Minimum balance", ParameterType.NUMBER, false)
                .withHelp("Only when the contact's balance after the award is at least this; empty for every award."));
    }

    /** @return whether the balance after the award reaches the rule's minimum (every award without one) */
    @Override
    public boolean matches(TriggerEvent event, Map<String, String> config) {
        String minimum = config.getOrDefault(MINIMUM_BALANCE, "").strip();
        if (minimum.isEmpty()) {
            return true;
        }
        return number(event.details().getOrDefault(BALANCE, "0"), BALANCE).compareTo(number(minimum, MINIMUM_BALANCE))
                >= 0;
    }

    /**
     * @param contactId the contact awarded
     * @param points this award's points
     * @param balance the balance after it
     * @param actor who awarded them
     * @param at when
     * @return the event to post after commit
     */
    public static TriggerEvent event(long contactId, int points, long balance, String actor, Instant at) {
        return new TriggerEvent(ID, "contact", contactId, actor, at,
                Map.of(POINTS, Integer.toString(points), BALANCE, Long.toString(balance)));
    }

    private static BigDecimal number(String text, String field) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(List.of(new FieldError(field, "Enter a number, e.g. 1000.")));
        }
    }
}
