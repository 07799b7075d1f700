package org.tesseracrm.opportunities.internal.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseChange;
import org.tesseracrm.opportunities.api.PhaseKind;

/** The opportunities' rules that need no database: expected amount, lost reason, phase names, time in phases. */
final class PhaseRules {
    /** Scale of MONEY fields. */
    static final int MONEY_SCALE = 2;
    static final int NAME_MAX = 100;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PhaseRules() {
    }

    /**
     * @param amount the opportunity's amount, if any
     * @param probability the win probability of its phase in percent, if it has a phase
     * @return amount x probability / 100 at money scale, half up; empty without an amount or a phase
     */
    static Optional<BigDecimal> expectedAmount(Optional<BigDecimal> amount, Optional<Integer> probability) {
        if (amount.isEmpty() || probability.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(amount.get().multiply(BigDecimal.valueOf(probability.get()))
                .divide(HUNDRED, MONEY_SCALE, RoundingMode.HALF_UP));
    }

    /**
     * @param kind the kind of the opportunity's phase
     * @param lostReason its lost reason
     * @return the error to show on the lost reason if a lost opportunity does not say why
     */
    static Optional<FieldError> lostReasonError(PhaseKind kind, String lostReason) {
        if (kind == PhaseKind.LOST && (lostReason == null || lostReason.isBlank())) {
            return Optional.of(new FieldError(OpportunityRecordType.LOST_REASON,
                    "Enter why the opportunity was lost: a lost phase needs a lost reason."));
        }
        return Optional.empty();
    }

    /**
     * @param entries the phase history, oldest first, each with its time spent still to compute
     * @param now the current time in UTC
     * @return the entries with the time spent in each phase: until the next entry, for the last until now
     */
    static List<PhaseChange> withTimeSpent(List<PhaseChange> entries, LocalDateTime now) {
        List<PhaseChange> spent = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            PhaseChange entry = entries.get(i);
            LocalDateTime left = i + 1 < entries.size() ? entries.get(i + 1).at() : now;
            Duration duration = Duration.between(entry.at(), left);
            spent.add(new PhaseChange(entry.from(), entry.to(), entry.by(), entry.at(),
                    duration.isNegative() ? Duration.ZERO : duration));
        }
        return spent;
    }

    /**
     * @param duration a time spent in a phase
     * @return it in words a list shows, e.g. "3 d 4 h", "2 h 5 min", "under a minute"
     */
    static String describe(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min" : "under a minute";
    }

    /**
     * @param name a phase name as entered
     * @param probability its probability
     * @param others the other phases, whose names it must not repeat
     * @return every problem with them
     */
    static List<FieldError> check(String name, int probability, List<Phase> others) {
        List<FieldError> errors = new ArrayList<>();
        String text = name == null ? "" : name.strip();
        if (text.isEmpty()) {
            errors.add(new FieldError("name", "Enter a name for the phase"));
        } else if (text.length() > NAME_MAX) {
            errors.add(new FieldError("name", "A phase name has at most " + NAME_MAX + " characters"));
        } else if (text.contains(";") || text.contains("|")) {
            errors.add(new FieldError("name", "A phase name cannot contain ; or |"));
        } else if (others.stream().anyMatch(p -> p.name().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT)))) {
            errors.add(new FieldError("name", "There is already a phase \"" + text + "\""));
        }
        if (probability < 0 || probability > 100) {
            errors.add(new FieldError("probability", "The probability is a percentage from 0 to 100"));
        }
        return errors;
    }
}
