package org.tesseracrm.kernel.api;

/** The caller may not perform the operation. */
public class PermissionDeniedException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** @param message which permission is missing, in words a user understands */
    public PermissionDeniedException(String message) {
        super(message);
    }
}
