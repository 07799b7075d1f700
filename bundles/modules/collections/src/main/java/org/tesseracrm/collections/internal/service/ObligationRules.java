package org.tesseracrm.collections.internal.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.collections.api.CollectionFields;
import org.tesseracrm.collections.api.Obligation;
import org.tesseracrm.collections.api.ObligationInput;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/**
 * The obligations' rules, without a database: what a saved obligation must hold, what status it gets, and the totals
 * a collection keeps from its obligations.
 */
final class ObligationRules {
    /** The decimals of amounts: the record platform's money scale. */
    static final int SCALE = 2;
    /** The most obligations a collection has. */
    static final int MAX_OBLIGATIONS = 500;
    static final int RESULT_MAX = 200;
    static final int NOTES_MAX = 2000;
    /** The largest amount the columns hold (DECIMAL(19,2)). */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private ObligationRules() {
    }

    /**
     * Checks the obligations a form or client sends and makes them rows to store, in order.
     *
     * @param input the obligations in order
     * @param existing the collection's obligations by id (an input's id must be one of them)
     * @return the rows, positions from 1, id 0 for a new one
     * @throws ValidationException with one error per wrong value ({@code obligations[i].amount}...), or
     *     {@code obligations} for too many
     */
    static List<Obligation> rows(List<ObligationInput> input, Map<Long, Obligation> existing) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null) {
            input = List.of();
        }
        if (input.size() > MAX_OBLIGATIONS) {
            throw new ValidationException(List.of(new FieldError("obligations", "A collection has at most "
                    + MAX_OBLIGATIONS + " obligations: split it in two")));
        }
        List<Obligation> rows = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String at = "obligations[" + i + "].";
            ObligationInput in = input.get(i);
            if (in == null) {
                errors.add(new FieldError(at + "amount", "Enter the amount owed"));
                continue;
            }
            long id = 0;
            if (in.id().isPresent()) {
                if (!existing.containsKey(in.id().get())) {
                    errors.add(new FieldError(at + "id", "This collection has no obligation " + in.id().get()
                            + ": leave the id out for a new one"));
                    continue;
                }
                id = in.id().get();
            }
            int before = errors.size();
            BigDecimal amount = money(in.amount(), at + "amount", "Enter the amount owed", errors);
            if (amount != null && amount.signum() <= 0) {
                errors.add(new FieldError(at + "amount", "Enter an amount above 0"));
            }
            BigDecimal paid = in.amountPaid() == null ? BigDecimal.ZERO.setScale(SCALE)
                    : money(in.amountPaid(), at + "amountPaid", "Enter the amount paid", errors);
            if (paid != null && paid.signum() < 0) {
                errors.add(new FieldError(at + "amountPaid", "Enter an amount paid of 0 or more"));
            }
            LocalDate due = in.dueDate();
            if (due == null) {
                errors.add(new FieldError(at + "dueDate", "Enter the due date"));
            } else if (due.isBefore(EARLIEST) || due.isAfter(LATEST)) {
                errors.add(new FieldError(at + "dueDate", "Enter a due date between 1900 and 9999"));
            }
            String result = text(in.result(), RESULT_MAX, at + "result", errors);
            String notes = text(in.notes(), NOTES_MAX, at + "notes", errors);
            if (errors.size() > before) {
                continue;
            }
            if (paid.compareTo(amount) > 0) {
                errors.add(new FieldError(at + "amountPaid", "The amount paid is more than the amount owed ("
                        + amount.toPlainString() + ")"));
                continue;
            }
            Optional<String> status = status(in.status(), amount, paid, at + "status", errors);
            if (status.isEmpty()) {
                continue;
            }
            if (CollectionFields.PAID.equals(status.get())) {
                paid = amount;
            }
            rows.add(new Obligation(id, rows.size() + 1, amount, due, status.get(), paid, result, notes));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return rows;
    }

    /** The status of an obligation: the one asked for if it fits what was paid, or the one the payment says. */
    private static Optional<String> status(String asked, BigDecimal amount, BigDecimal paid, String field,
            List<FieldError> errors) {
        String byPayment = paid.signum() == 0 ? CollectionFields.PENDING
                : paid.compareTo(amount) < 0 ? CollectionFields.PARTIALLY_PAID : CollectionFields.PAID;
        if (asked == null || asked.isBlank()) {
            return Optional.of(byPayment);
        }
        Optional<String> known = CollectionFields.OBLIGATION_STATUSES.stream()
                .filter(s -> s.equalsIgnoreCase(asked.strip())).findFirst();
        if (known.isEmpty()) {
            errors.add(new FieldError(field, "Choose a status: " + String.join(", ",
                    CollectionFields.OBLIGATION_STATUSES)));
            return Optional.empty();
        }
        String status = known.get();
        switch (status) {
            case CollectionFields.PENDING -> {
                if (paid.signum() > 0) {
                    errors.add(new FieldError(field, "Something was paid: the obligation is "
                            + byPayment.toLowerCase(Locale.ROOT)));
                    return Optional.empty();
                }
            }
            case CollectionFields.PARTIALLY_PAID -> {
                if (!CollectionFields.PARTIALLY_PAID.equals(byPayment)) {
                    errors.add(new FieldError(field, "Partially paid needs an amount paid above 0 and below the "
                            + "amount owed"));
                    return Optional.empty();
                }
            }
            default -> {
                // Paid takes the whole amount as paid; Written off keeps what was paid
            }
        }
        return Optional.of(status);
    }

    private static BigDecimal money(BigDecimal value, String field, String missing, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > SCALE) {
            errors.add(new FieldError(field, "Enter at most " + SCALE + " decimals"));
            return null;
        }
        if (value.abs().compareTo(MAX_AMOUNT) > 0) {
            errors.add(new FieldError(field, "Enter a smaller amount"));
            return null;
        }
        return value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    private static String text(String value, int max, String field, List<FieldError> errors) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max) {
            errors.add(new FieldError(field, "Enter at most " + max + " characters"));
        }
        return text;
    }

    /**
     * What a collection keeps from its obligations.
     *
     * @param total the sum of the amounts
     * @param outstanding the sum of what is still owed (obligations not written off)
     * @param overdue the part of it due before today
     * @param nextDue the earliest due date, today or later, of an obligation with something outstanding
     */
    record Totals(BigDecimal total, BigDecimal outstanding, BigDecimal overdue, Optional<LocalDate> nextDue) {
    }

    /**
     * @param obligations a collection's obligations
     * @param today the day that tells overdue from not yet due
     * @return their totals
     */
    static Totals totals(List<Obligation> obligations, LocalDate today) {
        BigDecimal total = BigDecimal.ZERO.setScale(SCALE);
        BigDecimal outstanding = total;
        BigDecimal overdue = total;
        LocalDate next = null;
        for (Obligation o : obligations) {
            total = total.add(o.amount());
            BigDecimal owed = o.outstanding();
            if (owed.signum() <= 0) {
                continue;
            }
            outstanding = outstanding.add(owed);
            if (o.dueDate().isBefore(today)) {
                overdue = overdue.add(owed);
            } else if (next == null || o.dueDate().isBefore(next)) {
                next = o.dueDate();
            }
        }
        return new Totals(total, outstanding, overdue, Optional.ofNullable(next));
    }

    /**
     * @param a a value of a money field (BigDecimal or null)
     * @param b another
     * @return whether they are the same amount
     */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return java.util.Objects.equals(a, b);
    }
}
