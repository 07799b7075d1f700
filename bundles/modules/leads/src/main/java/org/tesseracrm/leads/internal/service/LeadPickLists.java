package org.tesseracrm.leads.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.PickListValue;

/** The lead's pick-lists: first values on first install, and the two status values the service sets kept active. */
final class LeadPickLists {
    private LeadPickLists() {
    }

    /** @return the status pick-list's first values: New (default) to Converted, in order */
    static List<PickListValue> statuses() {
        List<PickListValue> values = new ArrayList<>();
        for (String status : LeadRecordType.STATUSES) {
            Optional<String> colour = switch (status) {
                case LeadRecordType.CONVERTED -> Optional.of("#2e7d32");
                case LeadRecordType.DISCARDED -> Optional.of("#757575");
                default -> Optional.empty();
            };
            values.add(new PickListValue(status, colour, status.equals(LeadRecordType.NEW), true));
        }
        return values;
    }

    /**
     * @param current the status pick-list as the admin left it
     * @return it with Discarded and Converted present and active (the service sets them), or the first values if empty
     */
    static List<PickListValue> keepServiceStatuses(List<PickListValue> current) {
        if (current.isEmpty()) {
            return statuses();
        }
        List<PickListValue> values = new ArrayList<>();
        for (PickListValue v : current) {
            boolean service = v.value().equals(LeadRecordType.CONVERTED) || v.value().equals(LeadRecordType.DISCARDED);
            values.add(service && !v.active() ? new PickListValue(v.value(), v.colour(), v.isDefault(), true) : v);
        }
        for (PickListValue v : statuses()) {
            boolean service = v.value().equals(LeadRecordType.CONVERTED) || v.value().equals(LeadRecordType.DISCARDED);
            if (service && values.stream().noneMatch(x -> x.value().equals(v.value()))) {
                values.add(v);
            }
        }
        return values;
    }

    /** Seeds the pick-lists that are empty and keeps the service's statuses, in the caller's transaction. */
    static void upkeep(CustomFields fields) {
        List<PickListValue> status = fields.pickList(LeadRecordType.ID, LeadRecordType.STATUS);
        List<PickListValue> kept = keepServiceStatuses(status);
        if (!kept.equals(status)) {
            fields.savePickList(LeadRecordType.ID, LeadRecordType.STATUS, kept);
        }
        seed(fields, LeadRecordType.SOURCE, LeadRecordType.SOURCES);
        seed(fields, LeadRecordType.RATING, LeadRecordType.RATINGS);
        seed(fields, LeadRecordType.DISCARD_REASON, LeadRecordType.DISCARD_REASONS);
    }

    private static void seed(CustomFields fields, String field, List<String> values) {
        if (fields.pickList(LeadRecordType.ID, field).isEmpty()) {
            fields.savePickList(LeadRecordType.ID, field, values.stream().map(PickListValue::of).toList());
        }
    }
}
