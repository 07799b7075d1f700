package ${package}.internal.service;

import java.math.BigDecimal;
import java.util.List;

import ${package}.api.${recordClass};
import ${package}.api.${recordClass}Service;
import ${package}.internal.${moduleName}Module;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * ${recordClass}s through the record platform, which stores them, applies the record type's rules and the
 * caller's visibility, and writes the audit trail. Each method checks its permission first itself:
 * a service is the guard, whatever screen calls it.
 */
@Component(service = ${recordClass}Service.class)
public class ${recordClass}ServiceImpl implements ${recordClass}Service {
    static final int LARGEST_MAX = 100;

    private final Records records;
    private final AccessControl access;

    /**
     * @param records the record platform
     * @param access the signed-in user's permissions
     * @param type the record type, so the service starts only once ${recordType}s can be stored
     */
    @Activate
    public ${recordClass}ServiceImpl(@Reference Records records, @Reference AccessControl access,
            @Reference(target = "(" + RecordType.ID + "=" + RECORD_TYPE + ")") RecordType type) {
        this.records = records;
        this.access = access;
    }

    @Override
    public ${recordClass} create(String name, BigDecimal amount, String description) {
        access.require(${moduleName}Module.CREATE);
        // Typed values: the platform checks each against its field (type, length, digits) as they are
        RecordValues values = RecordValues.builder().set("name", name).set("amount", amount)
                .set("description", description).build();
        return ${recordType}(records.create(RECORD_TYPE, values));
    }

    @Override
    public List<${recordClass}> largest(int limit) {
        access.require(${moduleName}Module.VIEW);
        if (limit < 1 || limit > LARGEST_MAX) {
            throw new ValidationException(List.of(new FieldError("limit", "Ask for 1 to " + LARGEST_MAX + " ${recordType}s.")));
        }
        RecordQuery query = RecordQuery.page(0, limit)
                .withSort(List.of(new SortOrder("amount", false), new SortOrder("name", true)));
        return records.page(RECORD_TYPE, query).stream().map(${recordClass}ServiceImpl::${recordType}).toList();
    }

    static ${recordClass} ${recordType}(RecordRow row) {
        return new ${recordClass}(row.id(), row.version(), row.text("name"), row.decimal("amount").orElse(null),
                row.text("description"), row.text("owner"));
    }
}
