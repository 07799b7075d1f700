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

    /**
     * Finds the {@code CrmException} a framework wrapped (a transaction template, for example), so
     * the caller sees the message meant for users.
     *
     * @param failure what a call threw
     * @return the first {@code CrmException} in the cause chain, or {@code failure} itself
     */
    public static RuntimeException surface(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CrmException crm) {
                return crm;
            }
        }
        return failure;
    }
}
