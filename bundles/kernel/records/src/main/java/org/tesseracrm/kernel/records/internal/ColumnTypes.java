package org.tesseracrm.kernel.records.internal;

import java.sql.Types;

import org.tesseracrm.kernel.api.record.FieldType;

/** How each field type is stored: the same column types on Derby and PostgreSQL. */
final class ColumnTypes {
    /** Default and largest length of single-line text custom fields. */
    static final int TEXT_DEFAULT = 255;
    /** Length of long-text custom fields. */
    static final int LONG_TEXT = 4000;
    /** Length of a multi pick-list column: its values joined. */
    static final int MULTI = 1000;
    /** Text longer than this is not indexed (index keys must stay small on Derby's 4 KB pages). */
    static final int INDEXED_TEXT_MAX = 255;

    private ColumnTypes() {
    }

    /**
     * @param type a field type
     * @param maxLength the text length asked for, 0 for the default
     * @return the length text values of the type may have, 0 for non-text types
     */
    static int length(FieldType type, int maxLength) {
        return switch (type) {
            case TEXT -> maxLength > 0 ? Math.min(maxLength, TEXT_DEFAULT) : TEXT_DEFAULT;
            case LONG_TEXT -> LONG_TEXT;
            case EMAIL -> 254;
            case PHONE -> 40;
            case URL -> 1000;
            case PICKLIST -> 100;
            case MULTI_PICKLIST -> 100;
            case USER -> 100;
            default -> 0;
        };
    }

    /** @return the column's SQL type for a field type */
    static String sqlType(FieldType type, int length) {
        return switch (type) {
            case NUMBER -> "DECIMAL(19,4)";
            case MONEY -> "DECIMAL(19,2)";
            case DATE -> "DATE";
            case DATE_TIME -> "TIMESTAMP";
            case BOOLEAN -> "BOOLEAN";
            case LOOKUP -> "BIGINT";
            case MULTI_PICKLIST -> "VARCHAR(" + MULTI + ")";
            default -> "VARCHAR(" + length + ")";
        };
    }

    /** @return the JDBC type of a null value of the field type */
    static int jdbcType(FieldType type) {
        return switch (type) {
            case NUMBER, MONEY -> Types.DECIMAL;
            case DATE -> Types.DATE;
            case DATE_TIME -> Types.TIMESTAMP;
            case BOOLEAN -> Types.BOOLEAN;
            case LOOKUP -> Types.BIGINT;
            default -> Types.VARCHAR;
        };
    }

    /** @return whether a column of the type gets an index, which makes it sortable */
    static boolean indexed(FieldType type, int length) {
        return switch (type) {
            case LONG_TEXT, MULTI_PICKLIST, URL -> false;
            default -> length <= INDEXED_TEXT_MAX;
        };
    }
}
