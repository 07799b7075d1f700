package org.tesseracrm.cases.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.api.StatusKind;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * The cases' rules as pure functions, so they are tested without a database: numbers and prefixes, the solution a
 * solved status needs, a dependency that keeps a case open, the module's own fields.
 */
final class CaseRules {
    /** A prefix: 1 to 10 capital letters or digits. */
    static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,10}");
    static final String SOLUTION_REQUIRED = "Give the solution: a case moves to a solved status only with one";
    static final String MODULE_FIELD = "This field is kept by the case itself and cannot be set";
    static final String TYPE_FIXED = "The case type gives the case its number: it cannot change (open a new case of "
            + "the other type)";

    private CaseRules() {
    }

    /**
     * @param prefix the case type's prefix
     * @param sequence the number within the prefix, from 1
     * @return the case number, e.g. {@code QUE-000123} (more digits past 999,999)
     */
    static String number(String prefix, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence " + sequence);
        }
        return String.format(Locale.ROOT, "%s-%06d", prefix, sequence);
    }

    /**
     * The prefix of a type the admin gave none (added through the pick-list page): its first three letters or digits
     * in capitals, e.g. {@code WAR} for Warranty; {@code CASE} when it has none.
     *
     * @param type the case type
     * @return its prefix
     */
    static String defaultPrefix(String type) {
        String letters = java.text.Normalizer.normalize(type, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return letters.isEmpty() ? "CASE" : letters.substring(0, Math.min(3, letters.length()));
    }

    /**
     * @param prefix what the admin typed
     * @return an error message for a prefix that is not 1 to 10 capital letters or digits; empty if valid
     */
    static Optional<String> prefixError(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            return Optional.of("A prefix is 1 to 10 capital letters or digits, e.g. QUE");
        }
        return Optional.empty();
    }

    /**
     * The rules of a case's status, whoever changes it: a solved status needs a solution; a solved or closed case may
     * not depend on one that is not.
     *
     * @param to the kind of the status the case has after the change
     * @param solution its solution after the change
     * @param statusMoved whether the change moved the status or the dependency (a done case keeps its state)
     * @param openDependency the case it depends on, named, if that one is not solved or closed
     * @return one error per refused field; empty to allow
     */
    static List<FieldError> statusErrors(StatusKind to, String solution, boolean statusMoved,
            Optional<String> openDependency) {
        List<FieldError> errors = new ArrayList<>();
        if (to == StatusKind.SOLVED && (solution == null || solution.isBlank())) {
            errors.add(new FieldError(CaseFields.SOLUTION, SOLUTION_REQUIRED));
        }
        if (to.done() && statusMoved && openDependency.isPresent()) {
            errors.add(new FieldError(CaseFields.STATUS, blockedMessage(openDependency.get(), to)));
        }
        return errors;
    }

    /** @return e.g. "This case depends on QUE-000012 Late delivery, which is still open: solve or close it first" */
    static String blockedMessage(String dependency, StatusKind to) {
        return "This case depends on " + dependency + ", which is not solved or closed yet: "
                + (to == StatusKind.CLOSED ? "close" : "solve") + " it first";
    }

    /** @return the error for a dependency that would close a loop */
    static FieldError cycle(String target) {
        return new FieldError(CaseFields.DEPENDS_ON, target.isEmpty()
                ? "A case cannot depend on itself"
                : "A case cannot depend on " + target + ": that case depends on this one");
    }

    /**
     * @param row a new case
     * @return an error per module field a plain create sets
     */
    static List<FieldError> createErrors(RecordRow row) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : CaseRecordType.MODULE_FIELDS) {
            Object value = row.values().get(field);
            if (value != null && !"".equals(value)) {
                errors.add(new FieldError(field, MODULE_FIELD));
            }
        }
        if (row.text(CaseFields.CASE_TYPE).isEmpty()) {
            errors.add(new FieldError(CaseFields.CASE_TYPE, "Choose the case type first: it gives the case its number"));
        }
        return errors;
    }

    /**
     * @param before the case before a plain edit
     * @param after the case after it
     * @return an error per module field the edit changes, and for a changed case type
     */
    static List<FieldError> updateErrors(RecordRow before, RecordRow after) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : CaseRecordType.MODULE_FIELDS) {
            if (!same(before.values().get(field), after.values().get(field))) {
                errors.add(new FieldError(field, MODULE_FIELD));
            }
        }
        if (!before.text(CaseFields.CASE_TYPE).equals(after.text(CaseFields.CASE_TYPE))) {
            errors.add(new FieldError(CaseFields.CASE_TYPE, TYPE_FIXED));
        }
        return errors;
    }

    /** @return whether two stored values are the same ("" and null alike, numbers by value) */
    static boolean same(Object a, Object b) {
        Object x = "".equals(a) ? null : a;
        Object y = "".equals(b) ? null : b;
        if (x instanceof java.math.BigDecimal d && y instanceof java.math.BigDecimal e) {
            return d.compareTo(e) == 0;
        }
        return Objects.equals(x, y);
    }
}
