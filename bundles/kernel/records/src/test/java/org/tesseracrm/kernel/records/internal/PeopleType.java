package org.tesseracrm.kernel.records.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;

/** A small record type for tests: table T_PERSON with predefined name, e-mail and owner; names may not shout (!). */
final class PeopleType implements RecordType {
    static final List<FieldDefinition> CUSTOM = List.of(
            custom("cf_segment", "Segment", FieldType.PICKLIST, 100),
            custom("cf_score", "Score", FieldType.NUMBER, 0),
            custom("cf_renewal", "Renewal", FieldType.DATE, 0),
            custom("cf_seen", "Last seen", FieldType.DATE_TIME, 0),
            custom("cf_vip", "VIP", FieldType.BOOLEAN, 0),
            custom("cf_tags", "Tags", FieldType.MULTI_PICKLIST, 100));

    static FieldDefinition custom(String name, String label, FieldType type, int length) {
        return new FieldDefinition(name, label, type, false, length, ColumnTypes.indexed(type, length),
                name.toUpperCase(), true, Optional.empty());
    }

    @Override
    public String id() {
        return "person";
    }

    @Override
    public String moduleId() {
        return "people";
    }

    @Override
    public String label() {
        return "Person";
    }

    @Override
    public String pluralLabel() {
        return "People";
    }

    @Override
    public String table() {
        return "T_PERSON";
    }

    @Override
    public List<FieldDefinition> fields() {
        return List.of(FieldDefinition.predefined("name", "Name", FieldType.TEXT, "NAME", true, 100),
                FieldDefinition.predefined("email", "E-mail", FieldType.EMAIL, "EMAIL", false, 254),
                FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100));
    }

    @Override
    public List<String> titleFields() {
        return List.of("name");
    }

    @Override
    public List<String> searchFields() {
        return List.of("name", "email");
    }

    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder("name", true));
    }

    @Override
    public Optional<IdGenerator> ids() {
        return Optional.of(new IdGenerator("T_ID", "GEN_NAME", "GEN_VALUE", "PERSON"));
    }

    @Override
    public List<FieldError> check(Map<String, Object> values) {
        Object name = values.get("name");
        return name != null && name.toString().contains("!") ? List.of(new FieldError("name", "Names do not shout"))
                : List.of();
    }
}
