package org.tesseracrm.kernel.api.record;

/** How a list {@link Filter} compares a field with its values. */
public enum FilterOp {
    /** Text contains the value, ignoring case. */
    CONTAINS("contains"),
    /** Equal to the value (text ignoring case). */
    EQUALS("is"),
    /** Not equal to the value, or empty. */
    NOT_EQUALS("is not"),
    /** Has no value. */
    EMPTY("is empty"),
    /** Has a value. */
    NOT_EMPTY("is not empty"),
    /** Between two values, both included; a blank bound is open. */
    BETWEEN("between"),
    /** One of the values (for a multi pick-list: has one of them). */
    IN("is any of");

    private final String label;

    FilterOp(String label) {
        this.label = label;
    }

    /** @return what users read, e.g. "is not empty" */
    public String label() {
        return label;
    }

    /** @return how many values the operator takes: 0, 1, 2 (a range) or -1 (one or more) */
    public int arity() {
        return switch (this) {
            case EMPTY, NOT_EMPTY -> 0;
            case BETWEEN -> 2;
            case IN -> -1;
            default -> 1;
        };
    }

    /**
     * @param type a field type
     * @return whether this operator applies to fields of that type
     */
    public boolean allows(FieldType type) {
        return switch (this) {
            case EMPTY, NOT_EMPTY -> true;
            case CONTAINS -> type.textual();
            case EQUALS, NOT_EQUALS -> type != FieldType.MULTI_PICKLIST;
            case BETWEEN -> type.ranged();
            case IN -> type == FieldType.PICKLIST || type == FieldType.MULTI_PICKLIST || type == FieldType.USER;
        };
    }
}
