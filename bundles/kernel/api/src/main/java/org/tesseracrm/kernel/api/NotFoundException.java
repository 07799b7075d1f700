package org.tesseracrm.kernel.api;

/** The record (or other object) asked for does not exist, or no longer exists. */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param what a label of the kind of object, e.g. "Contact"
     * @param id the identifier that was asked for
     */
    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist (it may have been deleted).");
    }

    /** @param message what was not found and where to look instead */
    public NotFoundException(String message) {
        super(message);
    }
}
