package org.tesseracrm.kernel.records.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SharedRows;
import org.tesseracrm.kernel.api.record.SortOrder;

/**
 * A module's record type as the platform hands it out: the rules a module writes run through the
 * guard. A {@link #check} that fails refuses the write (a broken check must not let data through); a
 * {@link #title} that fails names the record neutrally, so a list or form of the type still shows. The
 * metadata (fields, table, labels) are read as they are: without them the type cannot work at all.
 * Every method of {@link RecordType} is overridden, so none falls back to the interface's default
 * instead of the module's ({@code GuardedRecordTypeTest} checks).
 */
final class GuardedRecordType implements RecordType {
    private final RecordType type;
    private final String id;
    private final SafeCaller guard;

    GuardedRecordType(RecordType type, String id, SafeCaller guard) {
        this.type = type;
        this.id = id;
        this.guard = guard;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String moduleId() {
        return type.moduleId();
    }

    @Override
    public String label() {
        return type.label();
    }

    @Override
    public String pluralLabel() {
        return type.pluralLabel();
    }

    @Override
    public String table() {
        return type.table();
    }

    @Override
    public List<FieldDefinition> fields() {
        return type.fields();
    }

    @Override
    public List<String> titleFields() {
        return type.titleFields();
    }

    @Override
    public String title(RecordRow row) {
        return guard.call(type, "title", () -> type.title(row)).orElseGet(() -> neutralTitle(row.id()));
    }

    @Override
    public String neutralTitle(long recordId) {
        return guard.call(type, "neutralTitle", () -> type.neutralTitle(recordId)).orElse(id + " #" + recordId);
    }

    @Override
    public List<String> searchFields() {
        return type.searchFields();
    }

    @Override
    public List<SortOrder> defaultSort() {
        return type.defaultSort();
    }

    @Override
    public Optional<IdGenerator> ids() {
        return type.ids();
    }

    @Override
    public List<String> duplicateFields() {
        return type.duplicateFields();
    }

    @Override
    public List<FieldError> check(Map<String, Object> values) {
        return guard.require(type, "check", () -> List.copyOf(type.check(values)));
    }

    @Override
    public boolean listedByDefault(String field) {
        return type.listedByDefault(field);
    }

    @Override
    public boolean setByModule(String field) {
        return type.setByModule(field);
    }

    @Override
    public Optional<Object> defaultValue(String field) {
        return guard.call(type, "defaultValue", () -> type.defaultValue(field).orElse(null));
    }

    @Override
    public List<PickListValue> initialPickList(String field) {
        return guard.call(type, "initialPickList", () -> type.initialPickList(field)).orElse(List.of());
    }

    @Override
    public Set<String> moduleValues(String field) {
        return guard.call(type, "moduleValues", () -> type.moduleValues(field)).orElse(Set.of());
    }

    @Override
    public Optional<String> fieldHint(String field) {
        return guard.call(type, "fieldHint", () -> type.fieldHint(field).orElse(null));
    }

    /**
     * Asked on every read: a rule that fails refuses the read (reading without it would show the caller records the
     * module hides from them, such as another author's drafts).
     */
    @Override
    public Optional<SharedRows> sharedRows() {
        return guard.require(type, "sharedRows", type::sharedRows);
    }

    /** @return the module's own type */
    RecordType unguarded() {
        return type;
    }

    @Override
    public String toString() {
        return "record type " + id + " (" + type.getClass().getName() + ")";
    }
}
