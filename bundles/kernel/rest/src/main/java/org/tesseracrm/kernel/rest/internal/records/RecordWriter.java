package org.tesseracrm.kernel.rest.internal.records;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordJson;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.rest.internal.Problem.FieldProblem;
import org.tesseracrm.kernel.rest.internal.ProblemException;

/**
 * Creates and changes records from their JSON form ({@link RecordJson}) through the {@link Records} service, which
 * checks permissions, visibility and values as it does for the UI. A change of the owner goes through
 * {@link Records#assign} (the UI's "Assign" and its checks), the other fields through {@link Records#update}, both in
 * one transaction.
 */
final class RecordWriter {
    private static final String OWNER_COLUMN = "OWNER";

    private final Records records;
    private final TransactionScope scope;

    /**
     * @param records the Records service
     * @param scope the transaction an owner change shares with the other fields' change
     */
    RecordWriter(Records records, TransactionScope scope) {
        this.records = records;
        this.scope = scope;
    }

    /**
     * @param type the record type
     * @param fields its fields, custom ones included
     * @param json the new record's fields; the owner among them (checked by the service)
     * @return the new record
     * @throws ProblemException 400 for a field the type does not have
     * @throws org.tesseracrm.kernel.api.ValidationException for read-only fields and bad values
     */
    RecordRow create(RecordType type, List<FieldDefinition> fields, Map<String, Object> json) {
        requireKnown(fields, json, Set.of());
        return records.create(type.id(), RecordJson.read(fields, json, Set.of()));
    }

    /**
     * @param type the record type
     * @param fields its fields, custom ones included
     * @param id the record's id
     * @param version the version the change was made on; empty: whatever version the record has
     * @param json the fields to change; an owner that differs from the record's is assigned
     * @param ignored names in the JSON to skip (a bulk update's {@code id} and {@code version})
     * @return the record after the change
     * @throws ProblemException 412 if the record has another version; 400 for an unknown field
     * @throws NotFoundException if the caller does not see the record
     */
    RecordRow change(RecordType type, List<FieldDefinition> fields, long id, OptionalLong version, Map<String, Object> json,
            Set<String> ignored) {
        requireKnown(fields, json, ignored);
        Optional<String> ownerField = fields.stream().filter(f -> OWNER_COLUMN.equals(f.column()))
                .map(FieldDefinition::name).findFirst();
        Set<String> skipped = new HashSet<>(ignored);
        ownerField.ifPresent(skipped::add);
        RecordValues values = RecordJson.read(fields, json, skipped);
        Optional<String> owner = ownerField.filter(json::containsKey).map(name -> ownerName(name, json.get(name)));
        return scope.required(c -> {
            RecordRow current = records.get(type.id(), id).orElseThrow(() -> new NotFoundException(type.label(), id));
            long base = version.orElse(current.version());
            if (current.version() != base) {
                throw Preconditions.stale(base);
            }
            RecordRow after = current;
            if (!values.isEmpty()) {
                try {
                    after = records.update(type.id(), id, base, values);
                } catch (ConflictException e) {
                    throw Preconditions.stale(base);
                }
            }
            if (owner.isPresent() && !owner.get().equals(after.values().get(ownerField.get()))) {
                records.assign(type.id(), RecordSelection.of(List.of(id)), owner.get());
                after = records.get(type.id(), id).orElseThrow(() -> new NotFoundException(type.label(), id));
            }
            return after;
        });
    }

    private static String ownerName(String field, Object value) {
        if (value instanceof String name && !name.isBlank()) {
            return name.strip();
        }
        throw new ValidationException(List.of(new FieldError(field, "Enter the user name of the new owner, in quotes: "
                + "a record always has an owner.")));
    }

    /**
     * @param fields a type's fields
     * @param json a record's JSON
     * @param ignored names allowed besides the fields
     * @throws ProblemException 400 naming each field the type does not have
     */
    static void requireKnown(List<FieldDefinition> fields, Map<String, ?> json, Set<String> ignored) {
        Set<String> known = new HashSet<>(ignored);
        fields.forEach(field -> known.add(field.name()));
        known.add(RecordJson.ID);
        known.add(RecordJson.VERSION);
        List<FieldProblem> unknown = new ArrayList<>();
        json.keySet().stream().filter(name -> !known.contains(name)).forEach(name -> unknown.add(new FieldProblem(name,
                "There is no field \"" + name + "\"; GET /api/v1/records lists each type's fields.")));
        if (!unknown.isEmpty()) {
            throw new ProblemException(400, "The record has fields its type does not have.", unknown);
        }
    }
}
