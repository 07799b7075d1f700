package org.tesseracrm.activities.internal.service;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.activities.internal.ActivitiesModule;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordValues;

/**
 * "Add call" and "Add task" in the bulk menu of every module's list: one activity per selected
 * record, with the subject, due time, reminder and description entered once.
 */
abstract class AddActivityAction implements BulkAction {
    private static final List<FieldDefinition> INPUTS = List.of(
            FieldDefinition.predefined("subject", "Subject", FieldType.TEXT, "SUBJECT", true, 200),
            FieldDefinition.predefined("dueAt", "Due", FieldType.DATE_TIME, "DUE_AT", true, 0),
            FieldDefinition.predefined("remindAt", "Reminder", FieldType.DATE_TIME, "REMIND_AT", false, 0),
            FieldDefinition.predefined("description", "Description", FieldType.LONG_TEXT, "DESCRIPTION", false, 4000));

    private final ActivityService activities;
    private final Kind kind;

    AddActivityAction(ActivityService activities, Kind kind) {
        this.activities = activities;
        this.kind = kind;
    }

    @Override
    public String id() {
        return "activities.add-" + kind.id();
    }

    @Override
    public String label() {
        return "Add " + kind.label().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String permission() {
        return ActivitiesModule.CREATE;
    }

    @Override
    public List<FieldDefinition> inputs() {
        return INPUTS;
    }

    @Override
    public String run(String recordType, List<Long> ids, Map<String, String> values) {
        // The bulk dialog gives text (times in UTC, as the kit's inputs write them): the platform parses it by the
        // fields' types, as it parses an import; the kind is this action's own.
        RecordValues.Builder activity = RecordValues.builder();
        values.forEach(activity::text);
        int added = activities.scheduleAll(recordType, ids, activity.set("kind", kind.id()).build());
        return String.format("Added %,d %s%s.", added, kind.label().toLowerCase(java.util.Locale.ROOT), added == 1 ? "" : "s");
    }

    /** Adds a call to each selected record. */
    @Component(service = BulkAction.class, property = RecordType.ID + "=" + RecordType.ALL)
    public static class Call extends AddActivityAction {
        /** @param activities schedules the calls */
        @Activate
        public Call(@Reference ActivityService activities) {
            super(activities, Kind.CALL);
        }
    }

    /** Adds a task to each selected record. */
    @Component(service = BulkAction.class, property = RecordType.ID + "=" + RecordType.ALL)
    public static class Task extends AddActivityAction {
        /** @param activities schedules the tasks */
        @Activate
        public Task(@Reference ActivityService activities) {
            super(activities, Kind.TASK);
        }
    }
}
