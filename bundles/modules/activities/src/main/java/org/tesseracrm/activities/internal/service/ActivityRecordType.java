package org.tesseracrm.activities.internal.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.activities.internal.ActivitiesModule;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;

/**
 * Describes activities to the record platform, so they get its list (filters, columns, export,
 * import, bulk actions), custom fields, history and permission checks. The record an activity belongs
 * to is named by its type and id ({@code relatedType}, {@code relatedId}): an activity can belong to a
 * record of any module, which a lookup field (one target type) cannot express.
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + ActivityRecordType.ID)
public class ActivityRecordType implements RecordType {
    /** The record type id. */
    public static final String ID = "activity";
    static final String TABLE = "CRM_ACTIVITY";

    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined("kind", "Kind", FieldType.TEXT, "KIND", true, 20),
            FieldDefinition.predefined("subject", "Subject", FieldType.TEXT, "SUBJECT", true, 200),
            FieldDefinition.predefined("dueAt", "Due / starts", FieldType.DATE_TIME, "DUE_AT", true, 0),
            FieldDefinition.predefined("endAt", "Ends", FieldType.DATE_TIME, "END_AT", false, 0),
            FieldDefinition.predefined("location", "Location", FieldType.TEXT, "LOCATION", false, 200),
            FieldDefinition.predefined("priority", "Priority", FieldType.TEXT, "PRIORITY", false, 10),
            FieldDefinition.predefined("remindAt", "Reminder", FieldType.DATE_TIME, "REMIND_AT", false, 0),
            FieldDefinition.predefined("description", "Description", FieldType.LONG_TEXT, "DESCRIPTION", false, 4000),
            FieldDefinition.predefined("meetingLink", "Meeting link", FieldType.URL, "MEETING_LINK", false, 500),
            FieldDefinition.predefined("participants", "Participants", FieldType.TEXT, "PARTICIPANTS", false, 1000),
            FieldDefinition.predefined("done", "Done", FieldType.BOOLEAN, "DONE", false, 0),
            FieldDefinition.predefined("late", "Late", FieldType.BOOLEAN, "LATE", false, 0),
            FieldDefinition.predefined("relatedType", "Record type", FieldType.TEXT, "RELATED_TYPE", false, 50),
            FieldDefinition.predefined("relatedId", "Record id", FieldType.NUMBER, "RELATED_ID", false, 0),
            FieldDefinition.predefined("relatedTitle", "Record", FieldType.TEXT, "RELATED_TITLE", false, 300),
            FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));

    /** Fields the All activities list leaves to its column chooser, so it fits a 1,366 px screen. */
    private static final Set<String> UNLISTED = Set.of("endAt", "location", "priority", "remindAt", "description",
            "meetingLink", "participants", "relatedType", "relatedId");

    /** @param schema the module's migrated tables: the type is offered only once they exist */
    @Activate
    public ActivityRecordType(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.activities)") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String moduleId() {
        return ActivitiesModule.ID;
    }

    @Override
    public String label() {
        return "Activity";
    }

    @Override
    public String pluralLabel() {
        return "Activities";
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
        return List.of("subject");
    }

    @Override
    public List<String> searchFields() {
        return List.of("subject", "relatedTitle", "participants");
    }

    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder("dueAt", true));
    }

    @Override
    public Optional<IdGenerator> ids() {
        return Optional.of(new IdGenerator("ACTIVITIES_ID_GEN", "GEN_NAME", "GEN_VALUE", "ACTIVITY"));
    }

    @Override
    public List<FieldError> check(Map<String, Object> values) {
        return ActivityRules.check(values);
    }

    /** What an activity is, when, on which record, whether done and whose: the rest is on its form. */
    @Override
    public boolean listedByDefault(String field) {
        return !UNLISTED.contains(field);
    }
}
