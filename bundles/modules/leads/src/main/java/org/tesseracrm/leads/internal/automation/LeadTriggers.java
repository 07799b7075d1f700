package org.tesseracrm.leads.internal.automation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.automation.Trigger;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.leads.internal.service.LeadRecordType;

/**
 * The leads module's workflow triggers (issue 22, the seed's "lead received from the marketing platform" and "lead
 * discarded at the second filter"): when they happen and what their events tell, as pure functions; the services
 * are {@link LeadReceivedTrigger} and {@link LeadDiscardedTrigger}, the events are posted by
 * {@link LeadTriggerEvents}.
 */
public final class LeadTriggers {
    /** Trigger id: a lead came in (created by any writer: form, import, REST API, web form). */
    public static final String RECEIVED = "leads.received";
    /** Trigger id: a lead was discarded. */
    public static final String DISCARDED = "leads.discarded";
    /** Detail and parameter: the lead's source, e.g. {@code Web}. */
    public static final String SOURCE = "source";
    /** Detail: the lead's status when received. */
    public static final String STATUS = "status";
    /** Detail and parameter: the status the lead was discarded from, e.g. {@code Qualified} (the second filter). */
    public static final String FROM_STATUS = "fromStatus";
    /** Detail and parameter: the discard reason. */
    public static final String REASON = "reason";

    static final Set<String> LEAD = Set.of("lead");

    static final List<Parameter> RECEIVED_PARAMETERS = List.of(Parameter.of(SOURCE, "Source", ParameterType.TEXT, false)
            .withHelp("Only leads from this source, e.g. Web for the marketing platform; empty for every lead."));
    static final List<Parameter> DISCARDED_PARAMETERS = List.of(
            Parameter.of(FROM_STATUS, "Discarded from status", ParameterType.TEXT, false)
                    .withHelp("Only leads discarded at this stage, e.g. Qualified; empty for any."),
            Parameter.of(REASON, "Reason", ParameterType.TEXT, false)
                    .withHelp("Only leads discarded for this reason; empty for any."));

    private LeadTriggers() {
    }

    /**
     * @param lead the lead just created
     * @param actor who created it
     * @param at when
     * @return the event "lead received", with its source and status
     */
    public static TriggerEvent received(RecordRow lead, String actor, Instant at) {
        return new TriggerEvent(RECEIVED, LeadRecordType.ID, lead.id(), actor, at,
                Map.of(SOURCE, lead.text(SOURCE), STATUS, lead.text(LeadRecordType.STATUS)));
    }

    /**
     * @param before the lead before the change
     * @param after the lead after it
     * @param actor who changed it
     * @param at when
     * @return the event "lead discarded", with the status it left and the reason, when the change discarded it
     */
    public static Optional<TriggerEvent> discarded(RecordRow before, RecordRow after, String actor, Instant at) {
        String from = before.text(LeadRecordType.STATUS);
        if (!LeadRecordType.DISCARDED.equals(after.text(LeadRecordType.STATUS)) || LeadRecordType.DISCARDED.equals(from)) {
            return Optional.empty();
        }
        return Optional.of(new TriggerEvent(DISCARDED, LeadRecordType.ID, after.id(), actor, at,
                Map.of(FROM_STATUS, from, REASON, after.text(LeadRecordType.DISCARD_REASON))));
    }

    /**
     * @param event an event of one of the triggers
     * @param config the rule's values
     * @param names the parameters to compare with the details of the same name
     * @return whether every filled parameter equals its detail, ignoring case and surrounding blanks
     */
    static boolean matches(TriggerEvent event, Map<String, String> config, List<Parameter> names) {
        for (Parameter p : names) {
            String wanted = config.getOrDefault(p.name(), "").strip();
            if (!wanted.isEmpty() && !wanted.toLowerCase(Locale.ROOT)
                    .equals(event.details().getOrDefault(p.name(), "").strip().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** Shared by the two trigger services. */
    abstract static class LeadTrigger implements Trigger {
        @Override
        public Set<String> recordTypes() {
            return LEAD;
        }

        @Override
        public boolean matches(TriggerEvent event, Map<String, String> config) {
            return LeadTriggers.matches(event, config, parameters());
        }
    }
}
