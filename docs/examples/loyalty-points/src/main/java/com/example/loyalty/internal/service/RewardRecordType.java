package com.example.loyalty.internal.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.example.loyalty.api.RewardService;
import com.example.loyalty.internal.LoyaltyModule;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;

/**
 * Describes rewards to the record platform: from it the platform lists, filters, creates, changes,
 * deletes, imports and exports them, checks the {@code loyalty.*} permissions and writes the audit
 * trail. Admins can add custom fields to it. Registered once the module's tables exist.
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + RewardService.RECORD_TYPE)
public class RewardRecordType implements RecordType {
    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined("name", "Name", FieldType.TEXT, "NAME", true, RewardRules.NAME_MAX),
            FieldDefinition.predefined("amount", "Amount", FieldType.NUMBER, "AMOUNT", false, 0),
            FieldDefinition.predefined("description", "Description", FieldType.LONG_TEXT, "DESCRIPTION", false,
                    RewardRules.DESCRIPTION_MAX),
            FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));

    /** @param schema the module's migrated tables: the type is offered only once they exist */
    @Activate
    public RewardRecordType(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=com.example.loyalty)") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    @Override
    public String id() {
        return RewardService.RECORD_TYPE;
    }

    @Override
    public String moduleId() {
        return LoyaltyModule.ID;
    }

    @Override
    public String label() {
        return "Reward";
    }

    @Override
    public String pluralLabel() {
        return "Rewards";
    }

    @Override
    public String table() {
        return "LOYALTY_REWARD";
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    @Override
    public List<String> titleFields() {
        return List.of("name");
    }

    @Override
    public List<String> searchFields() {
        return List.of("name");
    }

    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder("name", true));
    }

    @Override
    public List<FieldError> check(Map<String, Object> values) {
        return RewardRules.check(values);
    }

    @Override
    public Optional<IdGenerator> ids() {
        return Optional.of(new IdGenerator("LOYALTY_ID_GEN", "GEN_NAME", "GEN_VALUE", "REWARD"));
    }
}
