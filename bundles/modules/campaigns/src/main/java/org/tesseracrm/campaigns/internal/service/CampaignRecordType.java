package org.tesseracrm.campaigns.internal.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.campaigns.api.CampaignFields;
import org.tesseracrm.campaigns.internal.CampaignsModule;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;

/**
 * Describes campaigns to the record platform: lists, forms, filters, export, custom fields, notes and the REST API
 * come from it. The status and the results are the module's ({@link CampaignLifecycle} refuses them from plain
 * edits; {@link MemberStore} writes them from the members).
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + CampaignFields.RECORD_TYPE)
public class CampaignRecordType implements RecordType {
    static final String TABLE = "CRM_CAMPAIGN";
    static final IdGenerator IDS = new IdGenerator("CAMPAIGNS_ID_GEN", "GEN_NAME", "GEN_VALUE", "CAMPAIGN");
    /** The members' ids. */
    static final IdGenerator MEMBER_IDS = new IdGenerator("CAMPAIGNS_ID_GEN", "GEN_NAME", "GEN_VALUE", "MEMBER");
    /** The fields only the module writes. */
    static final List<String> MODULE_FIELDS = List.of(CampaignFields.STATUS, CampaignFields.RECIPIENTS,
            CampaignFields.SENT, CampaignFields.OPENED, CampaignFields.CLICKED, CampaignFields.BOUNCED,
            CampaignFields.UNSUBSCRIBED);

    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined(CampaignFields.NAME, "Name", FieldType.TEXT, "NAME", true, 200),
            FieldDefinition.predefined(CampaignFields.STATUS, "Status", FieldType.PICKLIST, "STATUS", false, 100),
            FieldDefinition.predefined(CampaignFields.TEMPLATE, "Template id", FieldType.NUMBER, "TEMPLATE_ID", false, 0),
            FieldDefinition.predefined(CampaignFields.MAIL_ACCOUNT, "Mail account id", FieldType.NUMBER,
                    "MAIL_ACCOUNT_ID", false, 0),
            FieldDefinition.predefined(CampaignFields.SCHEDULED_AT, "Scheduled at", FieldType.DATE_TIME, "SCHEDULED_AT",
                    false, 0),
            FieldDefinition.predefined(CampaignFields.OWNER, "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined(CampaignFields.DESCRIPTION, "Description", FieldType.LONG_TEXT, "DESCRIPTION",
                    false, 4000),
            FieldDefinition.predefined(CampaignFields.RECIPIENTS, "Recipients", FieldType.NUMBER, "RECIPIENTS", false, 0),
            FieldDefinition.predefined(CampaignFields.SENT, "Sent", FieldType.NUMBER, "SENT", false, 0),
            FieldDefinition.predefined(CampaignFields.OPENED, "Opened", FieldType.NUMBER, "OPENED", false, 0),
            FieldDefinition.predefined(CampaignFields.CLICKED, "Clicked", FieldType.NUMBER, "CLICKED", false, 0),
            FieldDefinition.predefined(CampaignFields.BOUNCED, "Bounced", FieldType.NUMBER, "BOUNCED", false, 0),
            FieldDefinition.predefined(CampaignFields.UNSUBSCRIBED, "Unsubscribed", FieldType.NUMBER, "UNSUBSCRIBED",
                    false, 0),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));

    private static final List<String> LISTED = List.of(CampaignFields.NAME, CampaignFields.STATUS,
            CampaignFields.SCHEDULED_AT, CampaignFields.RECIPIENTS, CampaignFields.SENT, CampaignFields.OPENED,
            CampaignFields.CLICKED, CampaignFields.OWNER);

    /** @param schema the module's migrated tables: the type is offered only once they exist */
    @Activate
    public CampaignRecordType(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.campaigns)") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    @Override
    public String id() {
        return CampaignFields.RECORD_TYPE;
    }

    @Override
    public String moduleId() {
        return CampaignsModule.ID;
    }

    @Override
    public String label() {
        return "Campaign";
    }

    @Override
    public String pluralLabel() {
        return "Campaigns";
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    @Override
    public List<String> titleFields() {
        return List.of(CampaignFields.NAME);
    }

    @Override
    public List<String> searchFields() {
        return List.of(CampaignFields.NAME);
    }

    /** Newest first. */
    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder("createdAt", false));
    }

    @Override
    public Optional<IdGenerator> ids() {
        return Optional.of(IDS);
    }

    @Override
    public boolean listedByDefault(String field) {
        return LISTED.contains(field) || field.startsWith("cf_");
    }

    @Override
    public Optional<String> fieldHint(String field) {
        return switch (field) {
            case CampaignFields.TEMPLATE -> Optional.of("The id of the e-mail template sent (Administration → E-mail "
                    + "templates); merged with each member's contact or lead.");
            case CampaignFields.MAIL_ACCOUNT -> Optional.of("The id of the mail account sent through; empty for the "
                    + "sender's default account.");
            case CampaignFields.STATUS -> Optional.of("Set by Send now, Schedule and Cancel.");
            case CampaignFields.RECIPIENTS, CampaignFields.SENT, CampaignFields.OPENED, CampaignFields.CLICKED,
                    CampaignFields.BOUNCED, CampaignFields.UNSUBSCRIBED ->
                    Optional.of("Kept by the campaign from its members.");
            default -> Optional.empty();
        };
    }

    @Override
    public boolean setByModule(String field) {
        return MODULE_FIELDS.contains(field);
    }

    /** The statuses, Draft the default. */
    @Override
    public List<PickListValue> initialPickList(String field) {
        return CampaignFields.STATUS.equals(field) ? CampaignFields.STATUSES.stream().map(s -> new PickListValue(s,
                Optional.empty(), s.equals(CampaignFields.DRAFT), true)).toList() : List.of();
    }

    /** The statuses are the module's: its rules name each of them. */
    @Override
    public Set<String> moduleValues(String field) {
        return CampaignFields.STATUS.equals(field) ? Set.copyOf(CampaignFields.STATUSES) : Set.of();
    }
}
