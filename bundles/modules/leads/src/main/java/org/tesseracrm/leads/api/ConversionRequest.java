package org.tesseracrm.leads.api;

import java.util.Objects;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.RecordValues;

/**
 * What a conversion should do.
 *
 * @param leadId the lead
 * @param version its version as the caller read it
 * @param company create a company from the lead, link an existing one, or none
 * @param contact create a contact from the lead, link an existing one, or none
 * @param opportunity present to create an opportunity: values on top of those mapped from the lead (name,
 *     amount, close date, phase, ...); empty for none
 */
public record ConversionRequest(long leadId, long version, Target company, Target contact,
        Optional<RecordValues> opportunity) {
    /** Checks the parts are present. */
    public ConversionRequest {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(opportunity, "opportunity");
    }

    /**
     * What to do about one of the records a lead becomes.
     *
     * @param action create, link or skip
     * @param existingId the record to link, for {@link Action#LINK}; else 0
     */
    public record Target(Action action, long existingId) {
        /** Create the record from the lead's values. */
        public static final Target CREATE = new Target(Action.CREATE, 0);
        /** Do not create or link one. */
        public static final Target SKIP = new Target(Action.SKIP, 0);

        /** Checks the action is present. */
        public Target {
            Objects.requireNonNull(action, "action");
        }

        /**
         * @param id an existing record's id
         * @return a target that links it
         */
        public static Target link(long id) {
            return new Target(Action.LINK, id);
        }
    }

    /** What to do about one of the records a lead becomes. */
    public enum Action {
        /** Create it from the lead's values. */
        CREATE,
        /** Link an existing record. */
        LINK,
        /** None. */
        SKIP
    }
}
