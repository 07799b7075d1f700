package org.tesseracrm.kernel.api;

import java.util.List;
import java.util.stream.Collectors;

/** The input was refused; {@link #errors()} says which fields are wrong and why. Nothing was saved. */
public class ValidationException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    /** @param errors at least one field error */
    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** @return the field errors, never empty */
    public List<FieldError> errors() {
        return errors;
    }
}
