package org.tesseracrm.kernel.rest.internal.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tesseracrm.kernel.api.record.FieldDefinition;

/**
 * A record type as the OpenAPI document describes it: what {@code RecordTypes} and {@code CustomFields} say about it
 * for the caller at the time of the request.
 *
 * @param id the record type id, e.g. {@code contact}
 * @param label its singular label
 * @param pluralLabel its plural label
 * @param fields its fields, predefined and custom ({@code CustomFields.fields})
 * @param pickLists the active values of each pick-list field, by field name
 * @param byModule the names of the fields the module sets itself ({@code RecordType.setByModule}), read-only here
 */
record InstalledType(String id, String label, String pluralLabel, List<FieldDefinition> fields,
        Map<String, List<String>> pickLists, Set<String> byModule) {

    /**
     * @param field a field name
     * @return whether the module sets it itself
     */
    boolean setByModule(String field) {
        return byModule.contains(field);
    }

    /** @return the name of its schema: {@code contact} → {@code Contact}, {@code sales_order} → {@code SalesOrder} */
    String schemaName() {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.isEmpty() ? "Record" : name.toString();
    }
}
