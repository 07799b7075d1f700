package org.tesseracrm.kernel.api;

/** Base of every exception a Tessera service throws on purpose. Its message is fit for a user. */
public class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, in words a user understands */
    public CrmException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, in words a user understands
     * @param cause the underlying failure
     */
    public CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
