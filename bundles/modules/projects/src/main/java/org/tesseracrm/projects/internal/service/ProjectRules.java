package org.tesseracrm.projects.internal.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.projects.api.ProjectFields;

/** The projects' rules, without a database. */
final class ProjectRules {
    private ProjectRules() {
    }

    /**
     * @param project a project as it is to be stored
     * @return what is wrong with it: an end date before the start date, a budget below 0
     */
    static List<FieldError> errors(RecordRow project) {
        List<FieldError> errors = new ArrayList<>();
        Optional<java.time.LocalDate> start = project.date(ProjectFields.START_DATE);
        Optional<java.time.LocalDate> end = project.date(ProjectFields.END_DATE);
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            errors.add(new FieldError(ProjectFields.END_DATE, "The end date is before the start date ("
                    + start.get() + ")"));
        }
        Optional<BigDecimal> budget = project.decimal(ProjectFields.BUDGET);
        if (budget.isPresent() && budget.get().signum() < 0) {
            errors.add(new FieldError(ProjectFields.BUDGET, "Enter a budget of 0 or more"));
        }
        return errors;
    }
}
