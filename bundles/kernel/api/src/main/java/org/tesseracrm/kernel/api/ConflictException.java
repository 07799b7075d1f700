package org.tesseracrm.kernel.api;

/** The operation clashes with the current state, e.g. someone else changed the record meanwhile. */
public class ConflictException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** @param message what clashed and what the user can do about it */
    public ConflictException(String message) {
        super(message);
    }
}
