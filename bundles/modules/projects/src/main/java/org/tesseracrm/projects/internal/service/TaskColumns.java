package org.tesseracrm.projects.internal.service;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * Where the Activities module keeps what progress is counted from: its record type {@code activity} names its table
 * and the columns of its fields {@code kind} ({@code task}), {@code done}, {@code relatedType} and {@code relatedId}
 * (the record an activity belongs to). Read from the type's definition, so nothing of that module is compiled in.
 */
record TaskColumns(String table, String kind, String done, String relatedType, String relatedId) {
    /** The activity record type's id. */
    static final String ACTIVITY = "activity";
    /** The kind of activities that are tasks. */
    static final String TASK = "task";

    /**
     * @param activity the activity record type, if installed
     * @return its columns; empty without the type or if it lacks one of the fields
     */
    static Optional<TaskColumns> of(Optional<RecordType> activity) {
        return activity.flatMap(type -> {
            Map<String, String> columns = type.fields().stream().collect(Collectors.toMap(FieldDefinition::name,
                    FieldDefinition::column, (a, b) -> a));
            if (!columns.keySet().containsAll(java.util.List.of("kind", "done", "relatedType", "relatedId"))) {
                return Optional.empty();
            }
            Function<String, String> column = columns::get;
            return Optional.of(new TaskColumns(type.table(), column.apply("kind"), column.apply("done"),
                    column.apply("relatedType"), column.apply("relatedId")));
        });
    }
}
