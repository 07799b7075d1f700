package org.tesseracrm.kernel.records.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * Checks the names a module gives the platform to put into SQL text: its record type's id (part of
 * index names), table, columns and id table. They are checked once, when the record type registers,
 * so that everything the platform builds from them later may concatenate them: a name that passes is
 * an unquoted SQL identifier both Derby and PostgreSQL take as written, and short enough for an index
 * name made of two of them.
 */
final class Identifiers {
    /** A table, column or id-table name: upper-case letters, digits and underscores, at most 30. */
    static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");
    /** A record type id: lower-case letters, digits and underscores, at most 30. */
    static final Pattern TYPE_ID = Pattern.compile("[a-z][a-z0-9_]{0,29}");

    private Identifiers() {
    }

    /**
     * @param type a record type a module registers
     * @return what is wrong with its names, one sentence each; empty if the platform may use them
     */
    static List<String> problems(RecordType type) {
        List<String> problems = new ArrayList<>();
        check(problems, "record type id", type.id(), TYPE_ID);
        check(problems, "table", type.table(), NAME);
        for (FieldDefinition field : type.fields()) {
            check(problems, "column of field " + field.name(), field.column(), NAME);
        }
        type.ids().ifPresent((IdGenerator ids) -> {
            check(problems, "id table", ids.table(), NAME);
            check(problems, "id table's name column", ids.nameColumn(), NAME);
            check(problems, "id table's value column", ids.valueColumn(), NAME);
        });
        return List.copyOf(problems);
    }

    /**
     * @param type a record type a module registers
     * @return the type, if the platform may put its names into SQL
     * @throws IllegalArgumentException naming every name that is refused and why
     */
    static RecordType checked(RecordType type) {
        List<String> problems = problems(type);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Record type " + type.id() + " refused: " + String.join("; ", problems)
                    + ". Its module runs without it until it names its table and columns as plain SQL identifiers.");
        }
        return type;
    }

    private static void check(List<String> problems, String what, String name, Pattern pattern) {
        if (name == null || !pattern.matcher(name).matches()) {
            problems.add("the " + what + " \"" + name + "\" does not match " + pattern.pattern());
        }
    }
}
