package org.tesseracrm.email.internal.compose;

import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;

/**
 * {@link RecordDirectory} over the record platform, as the caller: a type the caller may not read gives nothing
 * rather than an error, since finding recipients only offers addresses.
 */
final class PlatformDirectory implements RecordDirectory {
    private final Records records;
    private final CustomFields fields;
    private final RecordTypes types;

    PlatformDirectory(Records records, CustomFields fields, RecordTypes types) {
        this.records = records;
        this.fields = fields;
        this.types = types;
    }

    @Override
    public List<String> types() {
        return types.all().stream().map(RecordType::id).toList();
    }

    @Override
    public List<FieldDefinition> fields(String recordType) {
        try {
            return fields.fields(recordType);
        } catch (CrmException e) {
            return types.find(recordType).map(RecordType::fields).orElse(List.of());
        }
    }

    @Override
    public Optional<RecordRow> get(String recordType, long id) {
        try {
            return records.get(recordType, id);
        } catch (CrmException e) {
            return Optional.empty(); // no right to view that type: nothing to offer from it
        }
    }

    @Override
    public String title(String recordType, RecordRow row) {
        return types.find(recordType).map(type -> type.title(row)).orElse(recordType + " #" + row.id());
    }

    @Override
    public List<RecordRow> pointingAt(String recordType, String lookupField, long id, int limit) {
        try {
            return records.page(recordType, RecordQuery.page(0, limit)
                    .withFilters(List.of(Filter.of(lookupField, FilterOp.EQUALS, Long.toString(id)))));
        } catch (CrmException e) {
            return List.of();
        }
    }
}
