package org.tesseracrm.reports.internal.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.reports.api.Drill;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportSpec;
import org.tesseracrm.reports.api.ShareTarget;
import org.tesseracrm.reports.api.Reports;
import org.tesseracrm.reports.internal.engine.SpecCheck;

/**
 * What the report screens ask of the platform, in one place: the reports service (which checks every permission
 * again), the record types and fields the caller may report on, the roles and groups a report can be shared with,
 * and the kit (filter bar, record list dialog). Lookups the caller may not make answer empty.
 *
 * @param reports the reports service
 * @param kit the record screens
 * @param types the installed record types
 * @param fields the fields of each record type, custom ones included
 * @param access the caller's permissions
 */
record ReportServices(Reports reports, RecordKit kit, RecordTypes types, CustomFields fields, AccessControl access) {

    /** @return whether the caller holds the permission (the service checks again) */
    boolean may(String permission) {
        return access.permitted(permission);
    }

    /** @return the record types whose module's records the caller may view, by label */
    List<RecordType> recordTypes() {
        return types.all().stream().filter(t -> access.permitted(t.moduleId() + ".view"))
                .sorted(Comparator.comparing(RecordType::pluralLabel)).toList();
    }

    /** @return the record type's plural label, or its id when it is not installed */
    String typeLabel(String type) {
        return type == null || type.isBlank() ? "" : types.find(type).map(RecordType::pluralLabel).orElse(type);
    }

    /**
     * @param type a record type id
     * @return its fields and those of the record types its lookups point at that the caller may view
     */
    FieldChoices choices(String type) {
        return FieldChoices.of(viewableFields(type), this::viewableFields);
    }

    /** The fields of a record type the caller may view; none when it is not installed or not viewable. */
    private List<FieldDefinition> viewableFields(String type) {
        Optional<RecordType> found = types.find(type);
        if (found.isEmpty() || !access.permitted(found.get().moduleId() + ".view")) {
            return List.of();
        }
        try {
            return fields.fields(type).stream()
                    .filter(f -> f.type() != FieldType.LOOKUP || f.lookupType().flatMap(types::find).isPresent())
                    .toList();
        } catch (CrmException e) {
            return List.of();
        }
    }

    /**
     * @return the roles and groups the caller may share a report with (as the service offers them); none without
     *     {@code reports.share}
     */
    List<ShareTarget> shareTargets() {
        if (!shares()) {
            return List.of();
        }
        try {
            return reports.shareTargets();
        } catch (CrmException e) {
            return List.of();
        }
    }

    /**
     * The records behind a row of a report that is not saved (or changed since), as {@code Reports.drill} gives them
     * for a saved one: the spec's search text and filters, its period and the row's groups.
     *
     * @param spec what the builder computes
     * @param period the period it ran for
     * @param keys the row's keys
     * @return the records to list
     */
    Drill drill(ReportSpec spec, Optional<Period> period, List<Optional<String>> keys) {
        List<Filter> filters = new ArrayList<>(spec.filters());
        period.ifPresent(p -> spec.periodField().flatMap(name -> viewableFields(spec.recordType()).stream()
                .filter(f -> f.name().equals(name)).findFirst())
                .ifPresent(field -> filters.add(SpecCheck.periodFilter(field, p, LocalTimes.zone()))));
        filters.addAll(kit.records().aggregateFilters(spec.recordType(), spec.groups(), keys));
        return new Drill(spec.recordType(), Optional.of(spec.text()), filters);
    }

    /** @return whether the caller may build and save reports */
    boolean builds() {
        return may(Reports.BUILD);
    }

    /** @return whether the caller may share reports */
    boolean shares() {
        return may(Reports.SHARE);
    }
}
