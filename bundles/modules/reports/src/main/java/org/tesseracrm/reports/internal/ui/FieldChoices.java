package org.tesseracrm.reports.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.tesseracrm.kernel.api.record.Aggregate;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;

/**
 * The fields of a record type a report may use, with those of the records its lookups point at (one level deep):
 * what the grouping, measure and period selects offer.
 *
 * @param all every field of the type, then each lookup's target fields after the lookup
 */
record FieldChoices(List<FieldChoice> all) {
    /** Separates a lookup's label from its target field's in a label. */
    static final String ARROW = " › ";

    /** Copies the list. */
    FieldChoices {
        all = List.copyOf(all);
    }

    /**
     * @param own the record type's fields
     * @param lookedUp the fields of a looked-up record type; none when it is not installed or the caller may not view
     *     it
     * @return the choices
     */
    static FieldChoices of(List<FieldDefinition> own, Function<String, List<FieldDefinition>> lookedUp) {
        List<FieldChoice> all = new ArrayList<>();
        for (FieldDefinition field : own) {
            all.add(new FieldChoice(field.name(), field.label(), field.type()));
        }
        for (FieldDefinition lookup : own) {
            if (lookup.type() != FieldType.LOOKUP || lookup.lookupType().isEmpty()) {
                continue;
            }
            for (FieldDefinition target : lookedUp.apply(lookup.lookupType().get())) {
                // one level deep: a lookup of the looked-up record is not followed
                if (target.type() != FieldType.LOOKUP) {
                    all.add(new FieldChoice(lookup.name() + "." + target.name(), lookup.label() + ARROW
                            + target.label(), target.type()));
                }
            }
        }
        return new FieldChoices(all);
    }

    /** @return the fields a report may group by: all but long texts and multi pick-lists */
    List<FieldChoice> groupable() {
        return all.stream().filter(f -> f.type() != FieldType.LONG_TEXT && f.type() != FieldType.MULTI_PICKLIST)
                .toList();
    }

    /**
     * @param aggregate what a measure computes
     * @return the fields it may be computed over: none for a count, numbers and money for a sum or average, also
     *     dates for a minimum or maximum
     */
    List<FieldChoice> measurable(Aggregate aggregate) {
        return switch (aggregate) {
            case COUNT -> List.of();
            case SUM, AVG -> all.stream().filter(FieldChoice::numeric).toList();
            case MIN, MAX -> all.stream().filter(f -> f.numeric() || f.dated()).toList();
        };
    }

    /** @return the fields a period may filter on: the type's own dates and date-times */
    List<FieldChoice> periods() {
        return all.stream().filter(f -> f.dated() && !f.name().contains(".")).toList();
    }

    /**
     * @param name a field name as a spec holds it
     * @return the choice of that name
     */
    Optional<FieldChoice> find(String name) {
        return all.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
