package org.tesseracrm.kernel.api.record;

import java.util.Objects;

/**
 * The id table a record type's entity takes its ids from, as JPA's {@code @TableGenerator} keeps it:
 * one row per generator whose value is the last id handed out. The platform takes blocks of ids the
 * same way JPA does (adds the block size, uses the ids up to the new value), so records an import
 * creates and records the module creates never share an id.
 *
 * @param table the table, e.g. {@code CONTACTS_ID_GEN}
 * @param nameColumn the column naming the generator, e.g. {@code GEN_NAME}
 * @param valueColumn the column holding the last id handed out, e.g. {@code GEN_VALUE}
 * @param name the generator's row, e.g. {@code CONTACT}
 */
public record IdGenerator(String table, String nameColumn, String valueColumn, String name) {
    /** Checks the parts are present. */
    public IdGenerator {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(nameColumn, "nameColumn");
        Objects.requireNonNull(valueColumn, "valueColumn");
        Objects.requireNonNull(name, "name");
    }
}
