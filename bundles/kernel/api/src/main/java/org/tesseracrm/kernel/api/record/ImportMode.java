package org.tesseracrm.kernel.api.record;

/** What an import does with a row that matches an existing record on the chosen key fields. */
public enum ImportMode {
    /** Every row becomes a new record; a row matching an existing record is an error. */
    CREATE_ONLY("Create new records only (a row matching an existing record is an error)"),
    /** A matching row updates the record it matches; the other rows become new records. */
    UPDATE_EXISTING("Update matching records, create the others"),
    /** A matching row is left out; the other rows become new records. */
    SKIP_DUPLICATES("Skip rows matching an existing record, create the others");

    private final String label;

    ImportMode(String label) {
        this.label = label;
    }

    /** @return what users read when choosing the mode */
    public String label() {
        return label;
    }
}
