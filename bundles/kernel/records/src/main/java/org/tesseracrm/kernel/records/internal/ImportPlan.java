package org.tesseracrm.kernel.records.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.ImportFile;
import org.tesseracrm.kernel.api.record.ImportMode;
import org.tesseracrm.kernel.api.record.ImportProblem;
import org.tesseracrm.kernel.api.record.ImportReport;
import org.tesseracrm.kernel.api.record.ImportRequest;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * Decides what an import does with each row, without touching the database: checks the mapping,
 * types every cell like a form would, finds rows repeating a key within the file and, given the
 * existing records matching the keys, which rows create, update or are skipped. Every problem is
 * kept with its line, so the user gets one report of the whole file.
 */
final class ImportPlan {
    /** What happens to a row. */
    enum Action { CREATE, UPDATE, SKIP }

    /**
     * A row the import writes or skips.
     *
     * @param line its line in the file
     * @param action what happens
     * @param values every field's value after the import (for an update, untouched fields keep theirs)
     * @param existing the record an update changes or a skipped row matches; null for a create
     */
    record Planned(int line, Action action, Map<FieldDefinition, Object> values, RecordRow existing) {
    }


    private final RecordType type;
    private final ImportRequest request;
    private final List<FieldDefinition> fields;
    private final FieldDefinition[] columns;
    private final List<FieldDefinition> keys;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Map<Integer, Map<FieldDefinition, Object>> parsed = new LinkedHashMap<>();
    private final List<Planned> planned = new ArrayList<>();
    private int nonBlank;
    private String caller;

    private ImportPlan(RecordType type, List<FieldDefinition> fields, ImportRequest request,
            FieldDefinition[] columns, List<FieldDefinition> keys) {
        this.type = type;
        this.fields = fields;
        this.request = request;
        this.columns = columns;
        this.keys = keys;
    }

    /**
     * @param type the record type
     * @param fields its fields, predefined and custom
     * @param request the file, mapping and options
     * @return the plan, before any row is read
     * @throws ValidationException if the mapping names unknown, repeated or read-only fields, leaves a
     *     required field unmapped, or a key field is not mapped
     */
    static ImportPlan of(RecordType type, List<FieldDefinition> fields, ImportRequest request) {
        ImportFile file = request.file();
        List<FieldError> errors = new ArrayList<>();
        if (request.columnFields().size() != file.headers().size()) {
            throw new ValidationException(List.of(new FieldError("mapping", "Choose a field (or none) for each of the "
                    + file.headers().size() + " columns.")));
        }
        Map<String, FieldDefinition> byName = new HashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        FieldDefinition[] columns = new FieldDefinition[file.headers().size()];
        Set<FieldDefinition> mapped = new HashSet<>();
        for (int i = 0; i < columns.length; i++) {
            String name = request.columnFields().get(i);
            if (name == null || name.isEmpty()) {
                continue;
            }
            FieldDefinition field = byName.get(name);
            String header = file.headers().get(i);
            if (field == null) {
                errors.add(new FieldError(name, type.pluralLabel() + " have no field \"" + name + "\"."));
            } else if (!field.importable()) {
                errors.add(new FieldError(name, "Column \"" + header + "\": " + field.label()
                        + " is set by the CRM and cannot be imported. Choose \"Do not import\" for it."));
            } else if (!mapped.add(field)) {
                errors.add(new FieldError(name, "Column \"" + header + "\": " + field.label()
                        + " is already filled from another column. Map each field once."));
            } else {
                columns[i] = field;
            }
        }
        for (FieldDefinition field : fields) {
            if (field.required() && field.importable() && !isOwner(field) && !mapped.contains(field)) {
                errors.add(new FieldError(field.name(), field.label() + " is required: choose the column that holds it."));
            }
        }
        List<FieldDefinition> keys = new ArrayList<>();
        for (String key : request.keyFields()) {
            FieldDefinition field = byName.get(key);
            if (field == null || !mapped.contains(field)) {
                errors.add(new FieldError(key, "A duplicate key must be a field you import: map a column to "
                        + (field == null ? key : field.label()) + " or drop it from the keys."));
            } else {
                keys.add(field);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ImportPlan(type, fields, request, columns, List.copyOf(keys));
    }

    /** @return whether the field is the record's owner, which the platform writes with the system columns */
    static boolean isOwner(FieldDefinition field) {
        return "OWNER".equals(field.column());
    }

    /** @return whether an import writes the field as data: importable and not the owner */
    static boolean isData(FieldDefinition field) {
        return field.importable() && !isOwner(field);
    }

    /** @return the record type imported into */
    RecordType type() {
        return type;
    }

    /** @return its fields, predefined and custom */
    List<FieldDefinition> fields() {
        return fields;
    }

    /** @return the importing user, as given to {@link #decide} */
    String caller() {
        return caller;
    }

    /** @return the fields that identify a record, in the order the user chose them */
    List<FieldDefinition> keys() {
        return keys;
    }

    /** @return the fields filled from the file */
    List<FieldDefinition> mappedFields() {
        return java.util.Arrays.stream(columns).filter(Objects::nonNull).toList();
    }

    /**
     * Types every cell; a row with a bad cell gets one problem per bad cell and is left out. Blank rows
     * are skipped.
     *
     * @param mayOwn whether the importing user may give records to the named user
     * @param byTitle the id of the record a lookup cell names, by its id or its title; throws a validation
     *     error saying why there is none
     * @param zone the importing user's time zone, in which the file's date-times are (as exports write them)
     */
    void parse(Predicate<String> mayOwn, BiFunction<FieldDefinition, String, Long> byTitle, ZoneId zone) {
        List<List<String>> rows = request.file().rows();
        for (int r = 0; r < rows.size(); r++) {
            int line = ImportFile.line(r);
            List<String> cells = rows.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            nonBlank++;
            Map<FieldDefinition, Object> values = new LinkedHashMap<>();
            boolean ok = true;
            for (int i = 0; i < columns.length; i++) {
                FieldDefinition field = columns[i];
                if (field == null) {
                    continue;
                }
                try {
                    String cell = cells.get(i).strip();
                    Object value = field.type() == FieldType.LOOKUP && !cell.isEmpty()
                            ? byTitle.apply(field, cell) : CallerZone.utc(FieldValues.parse(field, cell), zone);
                    if (value != null && field.type() == FieldType.USER && isOwner(field)
                            && !mayOwn.test((String) value)) {
                        throw FieldValues.invalid(field, "You cannot give records to \"" + value
                                + "\": choose an active user at or below your role");
                    }
                    values.put(field, value);
                } catch (ValidationException e) {
                    e.errors().forEach(error -> problem(line, field, error.message()));
                    ok = false;
                }
            }
            if (ok) {
                parsed.put(line, values);
            }
        }
        repeatedKeys();
    }

    /** @return the distinct key values of the parsed rows that have a value in every key field */
    List<List<Object>> keyValues() {
        Set<List<Object>> seen = new HashSet<>();
        List<List<Object>> distinct = new ArrayList<>();
        for (Map<FieldDefinition, Object> values : parsed.values()) {
            List<Object> key = key(values);
            if (key != null && seen.add(normal(key))) {
                distinct.add(key);
            }
        }
        return distinct;
    }

    /**
     * Decides each parsed row's action and checks the record it results in.
     *
     * @param existing the records the caller sees that match a key, as read from the database
     * @param pickLists a pick-list field's values
     * @param caller the importing user, owner of records whose owner is not given
     */
    void decide(List<RecordRow> existing, Function<FieldDefinition, List<PickListValue>> pickLists, String caller) {
        this.caller = caller;
        Map<List<Object>, List<RecordRow>> matches = new HashMap<>();
        for (RecordRow row : existing) {
            List<Object> key = new ArrayList<>();
            keys.forEach(k -> key.add(row.values().get(k.name())));
            matches.computeIfAbsent(normal(key), k -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<Integer, Map<FieldDefinition, Object>> entry : parsed.entrySet()) {
            int line = entry.getKey();
            Map<FieldDefinition, Object> values = entry.getValue();
            List<Object> key = key(values);
            List<RecordRow> found = key == null ? List.of() : matches.getOrDefault(normal(key), List.of());
            if (!found.isEmpty() && request.mode() == ImportMode.SKIP_DUPLICATES) {
                planned.add(new Planned(line, Action.SKIP, values, found.get(0)));
            } else if (!found.isEmpty() && request.mode() == ImportMode.CREATE_ONLY) {
                problem(line, null, "Same " + keyLabels() + " as the existing " + type.label().toLowerCase(Locale.ROOT)
                        + " \"" + title(found.get(0)) + "\" (#" + found.get(0).id() + "). Choose another mode to update "
                        + "or skip it.");
            } else if (found.size() > 1) {
                problem(line, null, "Matches " + found.size() + " existing " + type.pluralLabel().toLowerCase(Locale.ROOT)
                        + " with the same " + keyLabels() + "; choose more key fields so it matches one.");
            } else if (found.size() == 1) {
                check(line, Action.UPDATE, merged(found.get(0), values), found.get(0), pickLists);
            } else {
                check(line, Action.CREATE, created(values, pickLists, caller), null, pickLists);
            }
        }
        problems.sort(Comparator.comparingInt(ImportProblem::line));
    }

    /** @return the rows to write or skip, in file order */
    List<Planned> planned() {
        return planned;
    }

    /** @return whether any row has a problem */
    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /**
     * @param written whether the database was changed
     * @return the report of this plan
     */
    ImportReport report(boolean written) {
        int created = count(Action.CREATE);
        int updated = count(Action.UPDATE);
        return new ImportReport(nonBlank, created, updated, count(Action.SKIP), problems, written);
    }

    private int count(Action action) {
        return (int) planned.stream().filter(p -> p.action() == action).count();
    }

    /** A second row with the same key as an earlier one is a problem: which of the two would win? */
    private void repeatedKeys() {
        if (keys.isEmpty()) {
            return;
        }
        Map<List<Object>, Integer> first = new HashMap<>();
        for (var it = parsed.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Integer, Map<FieldDefinition, Object>> entry = it.next();
            List<Object> key = key(entry.getValue());
            if (key == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(normal(key), entry.getKey());
            if (earlier != null) {
                problem(entry.getKey(), null, "Same " + keyLabels() + " as line " + earlier + " of this file.");
                it.remove();
            }
        }
    }

    private void check(int line, Action action, Map<FieldDefinition, Object> values, RecordRow existing,
            Function<FieldDefinition, List<PickListValue>> pickLists) {
        List<FieldError> errors = RecordRules.check(type, values, existing, pickLists);
        for (FieldError error : errors) {
            problem(line, fields.stream().filter(f -> f.name().equals(error.field())).findFirst().orElse(null),
                    error.message());
        }
        if (errors.isEmpty()) {
            planned.add(new Planned(line, action, values, existing));
        }
    }

    /**
     * Every field of a new record: what the file gives, pick-list defaults for unmapped pick-lists, the type's
     * {@link RecordType#defaultValue defaults} for other unmapped predefined fields, the caller as owner.
     */
    private Map<FieldDefinition, Object> created(Map<FieldDefinition, Object> fromFile,
            Function<FieldDefinition, List<PickListValue>> pickLists, String caller) {
        Map<FieldDefinition, Object> values = new LinkedHashMap<>();
        for (FieldDefinition field : fields) {
            if (!field.importable()) {
                continue;
            }
            Object value = fromFile.get(field);
            if (value == null && isOwner(field)) {
                value = caller;
            } else if (!fromFile.containsKey(field) && field.type() == FieldType.PICKLIST) {
                value = pickLists.apply(field).stream().filter(v -> v.isDefault() && v.active()).map(PickListValue::value)
                        .findFirst().orElse(null);
            } else if (!fromFile.containsKey(field) && !field.custom()) {
                value = type.defaultValue(field.name()).orElse(null);
            }
            values.put(field, value);
        }
        return values;
    }

    /** The record after an update: non-blank cells replace its values, blank cells keep them. */
    private Map<FieldDefinition, Object> merged(RecordRow existing, Map<FieldDefinition, Object> fromFile) {
        Map<FieldDefinition, Object> changes = new LinkedHashMap<>(fromFile);
        changes.values().removeIf(Objects::isNull);
        return RecordRules.merged(fields, existing, changes);
    }

    private List<Object> key(Map<FieldDefinition, Object> values) {
        if (keys.isEmpty()) {
            return null;
        }
        List<Object> key = new ArrayList<>();
        for (FieldDefinition field : keys) {
            Object value = values.get(field);
            if (value == null) {
                return null;
            }
            key.add(value);
        }
        return key;
    }

    /** Keys compare ignoring case and surrounding spaces, and numbers ignoring trailing zeros. */
    static List<Object> normal(List<Object> key) {
        return key.stream().map(v -> v instanceof String s ? (Object) s.strip().toLowerCase(Locale.ROOT)
                : v instanceof java.math.BigDecimal n ? n.stripTrailingZeros() : v).toList();
    }

    private String keyLabels() {
        return String.join(" and ", keys.stream().map(FieldDefinition::label).toList());
    }

    private String title(RecordRow row) {
        return String.join(" ", type.titleFields().stream().map(row::text).filter(t -> !t.isEmpty()).toList());
    }

    private void problem(int line, FieldDefinition field, String message) {
        String column = "";
        if (field != null) {
            for (int i = 0; i < columns.length; i++) {
                if (field.equals(columns[i])) {
                    column = request.file().headers().get(i);
                }
            }
            if (column.isEmpty()) {
                column = field.label();
            }
        }
        ImportProblem problem = new ImportProblem(line, column, message.endsWith(".") ? message : message + ".");
        if (!problems.contains(problem)) { // the module's rules may repeat what the field definition said
            problems.add(problem);
        }
    }
}
