package org.tesseracrm.reports.internal.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The key-account KPI formulas (seed 001, SPEC R-ANA-3) and the sales analytics figures (R-ANA-2), as pure functions of
 * the figures the reports read: no database, no service, so each is unit-tested with hand-computed values. A figure
 * that cannot be computed (nothing to divide by, no score) is empty, never 0: an NPS of 0 means as many promoters as
 * detractors, not "no answers".
 *
 * <p>Percentages and day counts carry one decimal, money two, rounded half up once at the end (the exact quotient is
 * rounded, never a rounded part).
 */
public final class KpiFormulas {
    /** Decimals of a percentage or a count of days. */
    public static final int SCALE = 1;
    /** Decimals of an amount of money. */
    public static final int MONEY_SCALE = 2;
    /** The lowest and highest survey score. */
    public static final int MIN_SCORE = 0;
    /** See {@link #MIN_SCORE}. */
    public static final int MAX_SCORE = 10;
    /** NPS promoters score 9 or 10. */
    public static final int PROMOTER_FROM = 9;
    /** NPS passives score 7 or 8; detractors 6 or less. */
    public static final int PASSIVE_FROM = 7;
    /** A CSAT answer of 8 to 10 of 10 is "satisfied" (the 4 and 5 of a five-point scale). */
    public static final int SATISFIED_FROM = 8;
    /** Days of an average year, for annualising and lifetimes (leap years included). */
    public static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365.25");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private KpiFormulas() {
    }

    /**
     * @param part how many
     * @param whole out of how many
     * @return part / whole in percent, one decimal, half up; empty when whole is 0
     */
    public static Optional<BigDecimal> percent(long part, long whole) {
        if (whole <= 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(part).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP));
    }

    /**
     * The Net Promoter Score figures of some answers.
     *
     * @param promoters answers scoring 9 or 10
     * @param passives answers scoring 7 or 8
     * @param detractors answers scoring 0 to 6
     * @param score % promoters − % detractors (−100 to 100, one decimal); empty without answers
     */
    public record NpsFigures(long promoters, long passives, long detractors, Optional<BigDecimal> score) {
        /** @return the number of answers */
        public long answers() {
            return promoters + passives + detractors;
        }
    }

    /**
     * NPS = % promoters − % detractors, computed from the exact difference (P − D) × 100 / answers and rounded once.
     *
     * @param scores answers from 0 to 10
     * @return the figures; the score is empty for no answers
     * @throws IllegalArgumentException for a score outside 0 to 10
     */
    public static NpsFigures nps(Collection<Integer> scores) {
        return nps(countByScore(scores));
    }

    /**
     * {@link #nps(Collection)} of answers counted by score, as a grouped read gives them.
     *
     * @param countsByScore how many answers gave each score from 0 to 10
     * @return the figures; the score is empty for no answers
     * @throws IllegalArgumentException for a score outside 0 to 10 or a negative count
     */
    public static NpsFigures nps(Map<Integer, Long> countsByScore) {
        long promoters = 0;
        long passives = 0;
        long detractors = 0;
        for (Map.Entry<Integer, Long> entry : countsByScore.entrySet()) {
            int score = checkScore(entry.getKey());
            long count = checkCount(entry.getValue());
            if (score >= PROMOTER_FROM) {
                promoters += count;
            } else if (score >= PASSIVE_FROM) {
                passives += count;
            } else {
                detractors += count;
            }
        }
        long answers = promoters + passives + detractors;
        return new NpsFigures(promoters, passives, detractors, percent(promoters - detractors, answers));
    }

    /**
     * Customer satisfaction figures of some answers.
     *
     * @param answers how many answers
     * @param satisfied how many scored 8 to 10
     * @param percentSatisfied satisfied / answers in percent; empty without answers
     * @param average the average score, one decimal; empty without answers
     */
    public record CsatFigures(long answers, long satisfied, Optional<BigDecimal> percentSatisfied,
            Optional<BigDecimal> average) {
    }

    /**
     * CSAT = answers scoring 8 to 10 ÷ all answers × 100, with the average score beside it.
     *
     * @param scores answers from 0 to 10
     * @return the figures, empty ones without answers
     * @throws IllegalArgumentException for a score outside 0 to 10
     */
    public static CsatFigures csat(Collection<Integer> scores) {
        return csat(countByScore(scores));
    }

    /**
     * {@link #csat(Collection)} of answers counted by score, as a grouped read gives them.
     *
     * @param countsByScore how many answers gave each score from 0 to 10
     * @return the figures, empty ones without answers
     * @throws IllegalArgumentException for a score outside 0 to 10 or a negative count
     */
    public static CsatFigures csat(Map<Integer, Long> countsByScore) {
        long satisfied = 0;
        long sum = 0;
        long answers = 0;
        for (Map.Entry<Integer, Long> entry : countsByScore.entrySet()) {
            int score = checkScore(entry.getKey());
            long count = checkCount(entry.getValue());
            answers += count;
            sum += score * count;
            if (score >= SATISFIED_FROM) {
                satisfied += count;
            }
        }
        return new CsatFigures(answers, satisfied, percent(satisfied, answers), average(sum, answers));
    }

    private static Map<Integer, Long> countByScore(Collection<Integer> scores) {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        for (Integer score : scores) {
            counts.merge(checkScore(score), 1L, Long::sum);
        }
        return counts;
    }

    private static int checkScore(Integer score) {
        if (score == null || score < MIN_SCORE || score > MAX_SCORE) {
            throw new IllegalArgumentException("A score is from " + MIN_SCORE + " to " + MAX_SCORE + ": " + score);
        }
        return score;
    }

    private static long checkCount(Long count) {
        if (count == null || count < 0) {
            throw new IllegalArgumentException("A count is 0 or more: " + count);
        }
        return count;
    }

    /**
     * How long one customer has been a customer.
     *
     * @param since the first day as a customer
     * @param lostOn the day the customer was lost (cancelled or did not renew); empty while a customer
     */
    public record CustomerSpan(LocalDate since, Optional<LocalDate> lostOn) {
        /** Checks the parts are present. */
        public CustomerSpan {
            java.util.Objects.requireNonNull(since, "since");
            java.util.Objects.requireNonNull(lostOn, "lostOn");
        }
    }

    /**
     * Churn figures of a period.
     *
     * @param atStart customers on the period's first day: customer since before it and not lost before it
     * @param lost of those, the ones lost in the period
     * @param gained customers whose first day falls in the period (not in the rate)
     * @param gainedAndLost of those, the ones lost in the period too (not in the rate)
     * @param rate lost ÷ atStart in percent; empty without customers at the start
     */
    public record ChurnFigures(long atStart, long lost, long gained, long gainedAndLost, Optional<BigDecimal> rate) {
    }

    /**
     * Churn rate = customers lost in the period ÷ customers at its start × 100 (seed 001). Customers gained during the
     * period are in neither part: they are counted apart, so the rate stays between 0 and 100.
     *
     * @param customers every customer's span
     * @param from the period's first day
     * @param to its last day (inclusive)
     * @return the figures
     */
    public static ChurnFigures churn(Collection<CustomerSpan> customers, LocalDate from, LocalDate to) {
        long atStart = 0;
        long lost = 0;
        long gained = 0;
        long gainedAndLost = 0;
        for (CustomerSpan customer : customers) {
            boolean lostInPeriod = customer.lostOn().filter(day -> !day.isBefore(from) && !day.isAfter(to)).isPresent();
            if (customer.since().isBefore(from)) {
                if (customer.lostOn().filter(day -> day.isBefore(from)).isPresent()) {
                    continue; // lost before the period
                }
                atStart++;
                if (lostInPeriod) {
                    lost++;
                }
            } else if (!customer.since().isAfter(to)) {
                gained++;
                if (lostInPeriod) {
                    gainedAndLost++;
                }
            }
        }
        return new ChurnFigures(atStart, lost, gained, gainedAndLost, percent(lost, atStart));
    }

    /**
     * {@link #churn(Collection, LocalDate, LocalDate)} from counts, as the record platform counts them with date
     * filters (so a report never reads every customer).
     *
     * @param customersBefore customers whose first day is before the period (lost or not)
     * @param lostBefore of those, the ones lost before the period's first day
     * @param lostInPeriod of those, the ones lost in the period
     * @param gained customers whose first day falls in the period
     * @param gainedAndLost of those, the ones lost in the period too
     * @return the figures: at start = customersBefore − lostBefore
     * @throws IllegalArgumentException for counts that do not fit together
     */
    public static ChurnFigures churn(long customersBefore, long lostBefore, long lostInPeriod, long gained,
            long gainedAndLost) {
        long atStart = customersBefore - lostBefore;
        if (lostBefore < 0 || lostInPeriod < 0 || gainedAndLost < 0 || atStart < lostInPeriod || gained < gainedAndLost) {
            throw new IllegalArgumentException("These counts do not fit together");
        }
        return new ChurnFigures(atStart, lostInPeriod, gained, gainedAndLost, percent(lostInPeriod, atStart));
    }

    /**
     * Customer lifetime value figures.
     *
     * @param valuePerYear revenue per customer per year: the revenue won in the period ÷ the customers it was won
     *     from, scaled to 365.25 days; empty without customers
     * @param lifetimeYears the average customer lifetime in years; empty without customer spans
     * @param clv valuePerYear × lifetimeYears, two decimals; empty when either is
     */
    public record ClvFigures(Optional<BigDecimal> valuePerYear, Optional<BigDecimal> lifetimeYears,
            Optional<BigDecimal> clv) {
    }

    /**
     * CLV = customer value × average customer lifetime (seed 001), where customer value = won revenue in the period ÷
     * customers it was won from × 365.25 ÷ days of the period, and the lifetime is the average of each customer's
     * span from customer since to lost on (today for a current customer), in years of 365.25 days. Intermediate values
     * are kept exact to 10 decimals; the results are rounded at the end.
     *
     * @param revenue the won revenue in the period
     * @param customers the distinct customers it was won from
     * @param periodDays the days of the period, at least 1
     * @param spans the customers' spans, for their average lifetime
     * @param today the day a current customer's span ends
     * @return the figures
     */
    public static ClvFigures clv(BigDecimal revenue, long customers, long periodDays, Collection<CustomerSpan> spans,
            LocalDate today) {
        if (periodDays < 1) {
            throw new IllegalArgumentException("A period has at least one day");
        }
        Optional<BigDecimal> value = customers <= 0 ? Optional.empty()
                : Optional.of(revenue.multiply(DAYS_PER_YEAR)
                        .divide(BigDecimal.valueOf(customers).multiply(BigDecimal.valueOf(periodDays)), 10,
                                RoundingMode.HALF_UP));
        Optional<BigDecimal> lifetime = Optional.empty();
        if (!spans.isEmpty()) {
            long days = 0;
            for (CustomerSpan span : spans) {
                LocalDate end = span.lostOn().orElse(today);
                days += Math.max(0, ChronoUnit.DAYS.between(span.since(), end));
            }
            lifetime = Optional.of(BigDecimal.valueOf(days)
                    .divide(DAYS_PER_YEAR.multiply(BigDecimal.valueOf(spans.size())), 10, RoundingMode.HALF_UP));
        }
        Optional<BigDecimal> clv = value.isPresent() && lifetime.isPresent()
                ? Optional.of(value.get().multiply(lifetime.get()).setScale(MONEY_SCALE, RoundingMode.HALF_UP))
                : Optional.empty();
        return new ClvFigures(value.map(v -> v.setScale(MONEY_SCALE, RoundingMode.HALF_UP)),
                lifetime.map(l -> l.setScale(2, RoundingMode.HALF_UP)), clv);
    }

    /**
     * A customer's touch points and the gaps between them.
     *
     * @param touches the days with at least one touch point (several on one day count once)
     * @param daysSinceLast days from the last touch point to the day asked; empty without touch points
     * @param averageGapDays the average days between two consecutive touch days; empty with fewer than two
     * @param longestGapDays the longest silence: between two touch days, or from the last one to the day asked
     */
    public record Gaps(long touches, Optional<Long> daysSinceLast, Optional<BigDecimal> averageGapDays,
            Optional<Long> longestGapDays) {
    }

    /**
     * @param touches the days a customer was in touch (in or out); later than {@code asOf} are ignored
     * @param asOf the day the gaps are measured to
     * @return the gaps
     */
    public static Gaps gaps(Collection<LocalDate> touches, LocalDate asOf) {
        TreeSet<LocalDate> days = new TreeSet<>();
        touches.stream().filter(day -> !day.isAfter(asOf)).forEach(days::add);
        if (days.isEmpty()) {
            return new Gaps(0, Optional.empty(), Optional.empty(), Optional.empty());
        }
        long sinceLast = ChronoUnit.DAYS.between(days.last(), asOf);
        long longest = sinceLast;
        LocalDate previous = null;
        for (LocalDate day : days) {
            if (previous != null) {
                longest = Math.max(longest, ChronoUnit.DAYS.between(previous, day));
            }
            previous = day;
        }
        long between = ChronoUnit.DAYS.between(days.first(), days.last());
        return new Gaps(days.size(), Optional.of(sinceLast), days.size() < 2 ? Optional.empty()
                : average(between, days.size() - 1), Optional.of(longest));
    }

    /**
     * Repeat customers: of the customers who bought in the period, those who bought more than once (in the period or
     * before it).
     *
     * @param purchasesByCustomer for each customer with a won deal in the period, the number of its won deals up to
     *     the period's end
     * @return repeat customers ÷ customers × 100; empty without customers
     */
    public static Optional<BigDecimal> repeatShare(Map<Long, Long> purchasesByCustomer) {
        long repeat = purchasesByCustomer.values().stream().filter(count -> count >= 2).count();
        return percent(repeat, purchasesByCustomer.size());
    }

    /**
     * Shares of a whole split by a key (won deals by type or by lead source).
     *
     * @param counts the count of each key
     * @return each key's count ÷ the sum of all × 100, in the keys' order; empty values when the sum is 0
     */
    public static Map<String, Optional<BigDecimal>> shares(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Optional<BigDecimal>> shares = new java.util.LinkedHashMap<>();
        counts.forEach((key, count) -> shares.put(key, percent(count, total)));
        return shares;
    }

    /**
     * Win rate = won ÷ (won + lost) × 100, of the deals closed in the period; open ones are left out.
     *
     * @param won deals won
     * @param lost deals lost
     * @return the rate; empty when none was closed
     */
    public static Optional<BigDecimal> winRate(long won, long lost) {
        return percent(won, won + lost);
    }

    /**
     * @param cycles the time each won deal took from creation to entering a won phase
     * @return the average in days, one decimal; empty without deals
     */
    public static Optional<BigDecimal> averageDays(List<Duration> cycles) {
        if (cycles.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal seconds = BigDecimal.ZERO;
        for (Duration cycle : cycles) {
            seconds = seconds.add(BigDecimal.valueOf(cycle.getSeconds()));
        }
        return Optional.of(seconds.divide(BigDecimal.valueOf(86_400L * cycles.size()), SCALE, RoundingMode.HALF_UP));
    }

    /**
     * @param cycles durations
     * @return the median in days, one decimal (the mean of the two middle ones for an even count); empty without any
     */
    public static Optional<BigDecimal> medianDays(List<Duration> cycles) {
        if (cycles.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = new ArrayList<>(cycles);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? averageDays(List.of(sorted.get(middle)))
                : averageDays(List.of(sorted.get(middle - 1), sorted.get(middle)));
    }

    private static Optional<BigDecimal> average(long sum, long count) {
        return count <= 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), SCALE, RoundingMode.HALF_UP));
    }
}
