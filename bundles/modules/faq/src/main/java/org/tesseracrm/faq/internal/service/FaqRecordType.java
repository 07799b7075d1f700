package org.tesseracrm.faq.internal.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.faq.api.FaqFields;
import org.tesseracrm.faq.internal.FaqModule;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SharedRows;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * Describes FAQs to the record platform: lists, forms, filters, import, export, custom fields, notes, files,
 * activities, outcomes (typification) and the REST API come from it. Published FAQs are shared with every user who
 * may view FAQs whoever owns them; drafts are seen only by users with {@code faq.edit}, within their owner
 * visibility ({@link #sharedRows}). The answer is cleaned by {@link FaqLifecycle}; times used is the module's.
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + FaqFields.RECORD_TYPE)
public class FaqRecordType implements RecordType {
    static final String TABLE = "CRM_FAQ";
    static final IdGenerator IDS = new IdGenerator("FAQ_ID_GEN", "GEN_NAME", "GEN_VALUE", "FAQ");
    /** The answer's column length: the cleaned HTML must fit. */
    static final int ANSWER_LENGTH = 10000;
    /** The categories offered on first install; administrators edit the list. */
    static final List<String> CATEGORIES = List.of("General", "Account", "Billing", "Technical", "Orders and delivery");

    private static final List<FieldDefinition> FIELDS = List.of(
            // 255: the longest text the global search indexes (top bar)
            FieldDefinition.predefined(FaqFields.QUESTION, "Question", FieldType.TEXT, "QUESTION", true, 255),
            FieldDefinition.predefined(FaqFields.ANSWER, "Answer", FieldType.LONG_TEXT, "ANSWER", false, ANSWER_LENGTH),
            FieldDefinition.predefined(FaqFields.CATEGORY, "Category", FieldType.PICKLIST, "CATEGORY", false, 100),
            FieldDefinition.predefined(FaqFields.STATUS, "Status", FieldType.PICKLIST, "STATUS", false, 100),
            FieldDefinition.predefined(FaqFields.TIMES_USED, "Cases solved", FieldType.NUMBER, "TIMES_USED", false, 0),
            FieldDefinition.predefined(FaqFields.OWNER, "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));

    private static final List<String> LISTED = List.of(FaqFields.QUESTION, FaqFields.CATEGORY, FaqFields.STATUS,
            FaqFields.TIMES_USED, FaqFields.OWNER, "updatedAt");

    private final AccessControl access;

    /**
     * @param access whether the caller of a read may see drafts
     * @param schema the module's migrated tables: the type is offered only once they exist
     */
    @Activate
    public FaqRecordType(@Reference AccessControl access,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.faq)") MigratedSchema schema) {
        this.access = access;
    }

    @Override
    public String id() {
        return FaqFields.RECORD_TYPE;
    }

    @Override
    public String moduleId() {
        return FaqModule.ID;
    }

    @Override
    public String label() {
        return "FAQ";
    }

    @Override
    public String pluralLabel() {
        return "FAQs";
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
        return List.of(FaqFields.QUESTION);
    }

    @Override
    public List<String> searchFields() {
        return List.of(FaqFields.QUESTION, FaqFields.ANSWER);
    }

    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder(FaqFields.QUESTION, true));
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
            case FaqFields.ANSWER -> Optional.of("Rich text: paragraphs, lists, bold, italics, links and tables are"
                    + " kept; scripts, styles and anything else are removed when saved.");
            case FaqFields.STATUS -> Optional.of("Published FAQs are read and found by every user who sees FAQs;"
                    + " drafts only by those who may edit them.");
            case FaqFields.TIMES_USED -> Optional.of("How many cases the FAQ was attached to.");
            default -> Optional.empty();
        };
    }

    /** Times used is counted by the module from the cases the FAQ is attached to. */
    @Override
    public boolean setByModule(String field) {
        return FaqFields.TIMES_USED.equals(field);
    }

    /** First values: the statuses (Draft the default) and a few categories. */
    @Override
    public List<PickListValue> initialPickList(String field) {
        return switch (field) {
            case FaqFields.STATUS -> FaqFields.STATUSES.stream().map(s -> new PickListValue(s, Optional.empty(),
                    s.equals(FaqFields.DRAFT), true)).toList();
            case FaqFields.CATEGORY -> CATEGORIES.stream().map(c -> new PickListValue(c, Optional.empty(), false,
                    true)).toList();
            default -> List.of();
        };
    }

    /** The module's rules name both statuses: they stay in the list and active. */
    @Override
    public Set<String> moduleValues(String field) {
        return FaqFields.STATUS.equals(field) ? Set.copyOf(FaqFields.STATUSES) : Set.of();
    }

    /** Published FAQs for every viewer; the others only for a caller who may edit FAQs. */
    @Override
    public Optional<SharedRows> sharedRows() {
        return Optional.of(shared(access.permitted(FaqModule.EDIT)));
    }

    /**
     * @param editor whether the caller may edit FAQs
     * @return the rule for such a caller
     */
    static SharedRows shared(boolean editor) {
        return new SharedRows(FaqFields.STATUS, Set.of(FaqFields.PUBLISHED), editor);
    }
}
