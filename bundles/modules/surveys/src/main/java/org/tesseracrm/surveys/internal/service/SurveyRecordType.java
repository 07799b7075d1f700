package org.tesseracrm.surveys.internal.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.surveys.internal.SurveysModule;

/**
 * Describes survey responses to the record platform: one answer of a contact or company to an NPS ("how likely are you
 * to recommend us?") or a satisfaction survey, scored 0 to 10. The platform gives them their list, form, filters,
 * import, export and REST API; {@link SurveyRules} keep the score on the scale. The reports module's key-account KPIs
 * read them by record type id and field names, which therefore do not change.
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + SurveyRecordType.ID)
public class SurveyRecordType implements RecordType {
    /** The record type id. */
    public static final String ID = "survey";
    /** The contact who answered (lookup to {@code contact}). */
    public static final String CONTACT = "contact";
    /** The company who answered (lookup to {@code company}). */
    public static final String COMPANY = "company";
    /** The score, 0 to 10. */
    public static final String SCORE = "score";
    /** The kind of survey: {@link #NPS} or {@link #CSAT} (pick-list). */
    public static final String KIND = "kind";
    /** The day of the answer. */
    public static final String ANSWERED_ON = "answeredOn";
    /** How the answer came in (pick-list). */
    public static final String CHANNEL = "channel";
    /** What the customer said. */
    public static final String COMMENT = "comment";
    /** Kind of a Net Promoter Score answer: how likely to recommend us, 0 to 10. */
    public static final String NPS = "NPS";
    /** Kind of a customer satisfaction answer: how satisfied, 0 to 10. */
    public static final String CSAT = "CSAT";
    static final int COMMENT_LENGTH = 2000;

    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined(KIND, "Survey", FieldType.PICKLIST, "KIND", true, 100),
            FieldDefinition.predefined(SCORE, "Score (0-10)", FieldType.NUMBER, "SCORE", true, 0),
            FieldDefinition.predefined(ANSWERED_ON, "Answered on", FieldType.DATE, "ANSWERED_ON", true, 0),
            lookup(CONTACT, "Contact", "CONTACT_ID", "contact"),
            lookup(COMPANY, "Company", "COMPANY_ID", "company"),
            FieldDefinition.predefined(CHANNEL, "Channel", FieldType.PICKLIST, "CHANNEL", false, 100),
            FieldDefinition.predefined(COMMENT, "Comment", FieldType.LONG_TEXT, "COMMENT_TEXT", false, COMMENT_LENGTH),
            FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));

    /** @param schema the module's migrated tables: the type is offered only once they exist */
    @Activate
    public SurveyRecordType(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.surveys)") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    private static FieldDefinition lookup(String name, String label, String column, String type) {
        return new FieldDefinition(name, label, FieldType.LOOKUP, false, 0, true, column, false, Optional.of(type));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String moduleId() {
        return SurveysModule.ID;
    }

    @Override
    public String label() {
        return "Survey response";
    }

    @Override
    public String pluralLabel() {
        return "Survey responses";
    }

    @Override
    public String table() {
        return "CRM_SURVEY";
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    /** A response reads "NPS 9". */
    @Override
    public List<String> titleFields() {
        return List.of(KIND, SCORE);
    }

    @Override
    public List<String> searchFields() {
        return List.of(COMMENT);
    }

    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder(ANSWERED_ON, false));
    }

    @Override
    public Optional<IdGenerator> ids() {
        return Optional.of(new IdGenerator("SURVEYS_ID_GEN", "GEN_NAME", "GEN_VALUE", "SURVEY"));
    }

    @Override
    public List<FieldError> check(Map<String, Object> values) {
        return SurveyRules.check(values);
    }

    @Override
    public boolean listedByDefault(String field) {
        return !COMMENT.equals(field);
    }

    @Override
    public Optional<String> fieldHint(String field) {
        return switch (field) {
            case SCORE -> Optional.of("NPS: 9-10 promoter, 7-8 passive, 0-6 detractor. Satisfaction: 8-10 satisfied.");
            case KIND -> Optional.of("NPS: how likely to recommend us. CSAT: how satisfied with us.");
            default -> Optional.empty();
        };
    }

    /** A new response is answered today (the server's day; the form lets the user change it). */
    @Override
    public Optional<Object> defaultValue(String field) {
        return ANSWERED_ON.equals(field) ? Optional.of(LocalDate.now()) : Optional.empty();
    }

    @Override
    public List<PickListValue> initialPickList(String field) {
        return switch (field) {
            case KIND -> List.of(new PickListValue(NPS, Optional.of("#1565c0"), true, true),
                    new PickListValue(CSAT, Optional.of("#2e7d32"), false, true));
            case CHANNEL -> List.of("E-mail", "Phone", "Web form", "In person", "Video meeting", "Other").stream()
                    .map(PickListValue::of).toList();
            default -> List.of();
        };
    }

    /** The KPIs read these kinds: they stay in the list and active. */
    @Override
    public Set<String> moduleValues(String field) {
        return KIND.equals(field) ? Set.of(NPS, CSAT) : Set.of();
    }
}
