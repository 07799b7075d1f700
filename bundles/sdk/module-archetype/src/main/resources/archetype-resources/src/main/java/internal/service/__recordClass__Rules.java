package ${package}.internal.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tesseracrm.kernel.api.FieldError;

/**
 * The rules a ${recordType} keeps, whichever way it is saved (the list, the form, an import, the service).
 * The record platform checks what fields declare (required, length, number format); these are the
 * rules only the module knows.
 */
final class ${recordClass}Rules {
    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 1000;

    private ${recordClass}Rules() {
    }

    /**
     * @param values the ${recordType}'s values as the platform parsed them (amount: a {@link BigDecimal})
     * @return the broken rules, each naming its field; empty if none
     */
    static List<FieldError> check(Map<String, Object> values) {
        List<FieldError> errors = new ArrayList<>();
        if (values.get("amount") instanceof BigDecimal amount && amount.signum() < 0) {
            errors.add(new FieldError("amount", "The amount cannot be negative."));
        }
        return errors;
    }
}
