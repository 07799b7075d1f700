package org.tesseracrm.quotes.internal.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.quotes.api.QuoteFields;

/**
 * The quotes' rules as pure functions, so they are tested without a database: numbering, what freezes a quote,
 * which status moves a plain edit may make, what a revision copies.
 */
final class QuoteRules {
    /** Fields a plain edit may change on a frozen quote besides its status: handing it to another user. */
    private static final Set<String> FROZEN_EDITABLE = Set.of(QuoteFields.STATUS, QuoteFields.OWNER, "updatedAt",
            "createdAt");
    /** Fields a revision does not copy: the module's own, the status, the owner and the platform's times. */
    private static final Set<String> NOT_COPIED = Set.of(QuoteFields.STATUS, QuoteFields.OWNER, "updatedAt",
            "createdAt", "id", "version");

    private QuoteRules() {
    }

    /**
     * @param year the year the quote is made in
     * @param sequence its number within the year, from 1
     * @return the quote number, e.g. {@code Q-2026-00042} (more digits once a year passes 99,999 quotes)
     */
    static String number(int year, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence " + sequence);
        }
        return String.format(Locale.ROOT, "Q-%d-%05d", year, sequence);
    }

    /** @return the quote's status, Draft when it has none */
    static String status(RecordRow quote) {
        String status = quote.text(QuoteFields.STATUS);
        return status.isEmpty() ? QuoteFields.DRAFT : status;
    }

    /** @return whether the quote's fields and lines are frozen: every status but Draft */
    static boolean frozen(RecordRow quote) {
        return !QuoteFields.DRAFT.equals(status(quote));
    }

    /** @return the message refusing a change of a frozen quote, naming its status */
    static String frozenMessage(String status) {
        return "This quote was " + status.toLowerCase(Locale.ROOT) + ": make a revision to change it";
    }

    /**
     * @param from the status before
     * @param to the status a plain edit (form, list, import, REST) sets
     * @return whether a plain edit may make that move: staying, or from Sent to Accepted, Rejected or Expired (and an
     *     expired quote may still be accepted or rejected). Draft to Sent is Send's (it keeps the PDF)
     */
    static boolean plainMove(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        return switch (from) {
            case QuoteFields.SENT -> Set.of(QuoteFields.ACCEPTED, QuoteFields.REJECTED, QuoteFields.EXPIRED).contains(to);
            case QuoteFields.EXPIRED -> Set.of(QuoteFields.ACCEPTED, QuoteFields.REJECTED).contains(to);
            default -> false;
        };
    }

    /**
     * What a plain edit (not the module's service) must not do: change a field the module sets; change anything but
     * the status and owner of a frozen quote; make a status move other than {@link #plainMove}.
     *
     * @param before the quote before the edit
     * @param after the quote after it
     * @return one error per refused field; empty to allow
     */
    static List<FieldError> updateErrors(RecordRow before, RecordRow after) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : QuoteRecordType.MODULE_FIELDS) {
            if (!same(before.values().get(field), after.values().get(field))) {
                errors.add(new FieldError(field, "This field is kept by the quote itself and cannot be changed"));
            }
        }
        String from = status(before);
        if (frozen(before)) {
            for (String field : changed(before, after)) {
                if (!FROZEN_EDITABLE.contains(field) && !QuoteRecordType.MODULE_FIELDS.contains(field)) {
                    errors.add(new FieldError(field, frozenMessage(from)));
                }
            }
        }
        String to = status(after);
        if (!plainMove(from, to)) {
            errors.add(new FieldError(QuoteFields.STATUS, moveMessage(from, to)));
        }
        return errors;
    }

    private static String moveMessage(String from, String to) {
        if (QuoteFields.DRAFT.equals(from) && QuoteFields.SENT.equals(to)) {
            return "Send the quote (Send) to mark it sent: that keeps its PDF with it";
        }
        if (QuoteFields.DRAFT.equals(to)) {
            return frozenMessage(from);
        }
        return "A quote goes from Draft to Sent (Send), then to Accepted, Rejected or Expired; this one is " + from;
    }

    /**
     * What a plain create must not set: the module's fields.
     *
     * @param row the new quote
     * @return one error per such field
     */
    static List<FieldError> createErrors(RecordRow row) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : QuoteRecordType.MODULE_FIELDS) {
            if (row.value(field).isPresent()) {
                errors.add(new FieldError(field, "This field is set by the quote itself"));
            }
        }
        return errors;
    }

    /** @return the names of the fields whose values differ */
    static Set<String> changed(RecordRow before, RecordRow after) {
        Set<String> names = new HashSet<>(before.values().keySet());
        names.addAll(after.values().keySet());
        names.removeIf(n -> same(before.values().get(n), after.values().get(n)));
        return names;
    }

    /** Equal values; numbers by value (1.0 equals 1.00), empty text equals none. */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(blank(a), blank(b));
    }

    private static Object blank(Object value) {
        return value instanceof String s && s.isEmpty() ? null : value;
    }

    /**
     * @param quote the quote revised
     * @return the values its next revision starts with: every field but the module's own, the status, the owner and
     *     the platform's times (the service adds number, revision and the link back)
     */
    static Map<String, Object> revisionValues(RecordRow quote) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        quote.values().forEach((field, value) -> {
            if (value != null && !NOT_COPIED.contains(field) && !QuoteRecordType.MODULE_FIELDS.contains(field)
                    && !(value instanceof String s && s.isEmpty())) {
                values.put(field, value);
            }
        });
        return values;
    }

    /**
     * @param quote a quote
     * @param today the current day
     * @return whether it is a sent quote whose valid-until day is over
     */
    static boolean expired(RecordRow quote, LocalDate today) {
        return QuoteFields.SENT.equals(status(quote))
                && quote.date(QuoteFields.VALID_UNTIL).map(d -> d.isBefore(today)).orElse(false);
    }
}
