package org.tesseracrm.forecasts.internal.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.forecasts.api.ForecastOpportunity;
import org.tesseracrm.forecasts.api.ForecastPeriod;
import org.tesseracrm.forecasts.api.ForecastSubject;
import org.tesseracrm.forecasts.api.SubjectKind;
import org.tesseracrm.forecasts.internal.service.ForecastMath.Kind;
import org.tesseracrm.forecasts.internal.service.ForecastMath.OwnerSum;
import org.tesseracrm.forecasts.internal.service.ForecastMath.Target;

/**
 * The module's SQL on a given connection: its own tables (targets, rates, settings) and the grouped read of the
 * opportunities (CRM_OPPORTUNITY of the Opportunities module) a forecast needs. Owners come in chunks so that a
 * statement never binds more than {@value #CHUNK} of them.
 */
final class ForecastStore {
    static final String REPORTING_CURRENCY = "REPORTING_CURRENCY";
    private static final int CHUNK = 500;

    private ForecastStore() {
    }

    /**
     * One grouped read per chunk of owners: per owner, currency and phase, how many opportunities close in the
     * period and the sums of their amounts and expected amounts; phases of neither kind (lost, unknown) are dropped.
     */
    static List<OwnerSum> sums(Connection c, LocalDate start, LocalDate end, Collection<String> owners,
            Map<String, Kind> phaseKinds, String reporting) throws SQLException {
        List<OwnerSum> sums = new ArrayList<>();
        for (List<String> chunk : chunks(owners)) {
            try (PreparedStatement s = c.prepareStatement("SELECT OWNER, CURRENCY, PHASE, COUNT(*), SUM(AMOUNT), "
                    + "SUM(EXPECTED_AMOUNT) FROM CRM_OPPORTUNITY WHERE CLOSE_DATE >= ? AND CLOSE_DATE <= ? AND OWNER IN ("
                    + marks(chunk.size()) + ") GROUP BY OWNER, CURRENCY, PHASE")) {
                s.setDate(1, Date.valueOf(start));
                s.setDate(2, Date.valueOf(end));
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(3 + i, chunk.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Kind kind = rs.getString(3) == null ? null : phaseKinds.get(rs.getString(3));
                        if (kind != null) {
                            sums.add(new OwnerSum(rs.getString(1), currency(rs.getString(2), reporting), kind,
                                    rs.getLong(4), orZero(rs.getBigDecimal(5)), orZero(rs.getBigDecimal(6))));
                        }
                    }
                }
            }
        }
        return sums;
    }

    /** The opportunities of some owners in some phases closing in the period, by close date and id. */
    static List<ForecastOpportunity> opportunities(Connection c, LocalDate start, LocalDate end,
            Collection<String> owners, Collection<String> phases, String reporting, ForecastMath math, int limit)
            throws SQLException {
        List<ForecastOpportunity> found = new ArrayList<>();
        if (phases.isEmpty()) {
            return found;
        }
        List<String> phaseList = List.copyOf(phases);
        for (List<String> chunk : chunks(owners)) {
            try (PreparedStatement s = c.prepareStatement("SELECT ID, NAME, OWNER, PHASE, CLOSE_DATE, AMOUNT, CURRENCY, "
                    + "EXPECTED_AMOUNT FROM CRM_OPPORTUNITY WHERE CLOSE_DATE >= ? AND CLOSE_DATE <= ? AND OWNER IN ("
                    + marks(chunk.size()) + ") AND PHASE IN (" + marks(phaseList.size()) + ") ORDER BY CLOSE_DATE, ID")) {
                s.setMaxRows(limit);
                int i = 1;
                s.setDate(i++, Date.valueOf(start));
                s.setDate(i++, Date.valueOf(end));
                for (String owner : chunk) {
                    s.setString(i++, owner);
                }
                for (String phase : phaseList) {
                    s.setString(i++, phase);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Optional<BigDecimal> amount = Optional.ofNullable(rs.getBigDecimal(6));
                        String currency = currency(rs.getString(7), reporting);
                        found.add(new ForecastOpportunity(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getDate(5).toLocalDate(), amount, currency,
                                Optional.ofNullable(rs.getBigDecimal(8)), amount.flatMap(a -> math.convert(a, currency))));
                    }
                }
            }
        }
        found.sort(java.util.Comparator.comparing(ForecastOpportunity::closeDate).thenComparing(ForecastOpportunity::id));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    static Map<ForecastSubject, Target> targets(Connection c, ForecastPeriod period) throws SQLException {
        Map<ForecastSubject, Target> targets = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT SUBJECT_KIND, SUBJECT, AMOUNT, CURRENCY FROM FORECAST_TARGET "
                + "WHERE PERIOD_TYPE = ? AND PERIOD_YEAR = ? AND PERIOD_NO = ?")) {
            s.setString(1, period.type().name());
            s.setInt(2, period.year());
            s.setInt(3, period.number());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    targets.put(new ForecastSubject(SubjectKind.valueOf(rs.getString(1)), rs.getString(2)),
                            new Target(rs.getBigDecimal(3), rs.getString(4)));
                }
            }
        }
        return targets;
    }

    static void setTarget(Connection c, ForecastPeriod period, ForecastSubject subject, Optional<BigDecimal> amount,
            String currency, String by) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM FORECAST_TARGET WHERE PERIOD_TYPE = ? AND "
                + "PERIOD_YEAR = ? AND PERIOD_NO = ? AND SUBJECT_KIND = ? AND SUBJECT = ?")) {
            bindKey(s, period, subject);
            s.executeUpdate();
        }
        if (amount.isPresent()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO FORECAST_TARGET (PERIOD_TYPE, PERIOD_YEAR, "
                    + "PERIOD_NO, SUBJECT_KIND, SUBJECT, AMOUNT, CURRENCY, SET_BY, SET_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindKey(s, period, subject);
                s.setBigDecimal(6, amount.get());
                s.setString(7, currency);
                s.setString(8, by);
                s.setTimestamp(9, Timestamp.from(Instant.now()));
                s.executeUpdate();
            }
        }
    }

    static String reportingCurrency(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT SETTING_VALUE FROM FORECAST_SETTING WHERE NAME = ?")) {
            s.setString(1, REPORTING_CURRENCY);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "EUR";
            }
        }
    }

    static void setReportingCurrency(Connection c, String currency) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM FORECAST_SETTING WHERE NAME = ?")) {
            s.setString(1, REPORTING_CURRENCY);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO FORECAST_SETTING (NAME, SETTING_VALUE) VALUES (?, ?)")) {
            s.setString(1, REPORTING_CURRENCY);
            s.setString(2, currency);
            s.executeUpdate();
        }
    }

    /** @return the rates by currency, sorted by currency */
    static Map<String, BigDecimal> rates(Connection c) throws SQLException {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT CURRENCY, RATE FROM FORECAST_RATE ORDER BY CURRENCY");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rates.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros());
            }
        }
        return rates;
    }

    static void setRate(Connection c, String currency, Optional<BigDecimal> rate, String by) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM FORECAST_RATE WHERE CURRENCY = ?")) {
            s.setString(1, currency);
            s.executeUpdate();
        }
        if (rate.isPresent()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO FORECAST_RATE (CURRENCY, RATE, SET_BY, SET_AT) "
                    + "VALUES (?, ?, ?, ?)")) {
                s.setString(1, currency);
                s.setBigDecimal(2, rate.get());
                s.setString(3, by);
                s.setTimestamp(4, Timestamp.from(Instant.now()));
                s.executeUpdate();
            }
        }
    }

    private static void bindKey(PreparedStatement s, ForecastPeriod period, ForecastSubject subject) throws SQLException {
        s.setString(1, period.type().name());
        s.setInt(2, period.year());
        s.setInt(3, period.number());
        s.setString(4, subject.kind().name());
        s.setString(5, subject.key());
    }

    /** @return the opportunity's currency in upper case, the reporting currency for none */
    static String currency(String value, String reporting) {
        return value == null || value.isBlank() ? reporting : value.strip().toUpperCase(Locale.ROOT);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static List<List<String>> chunks(Collection<String> owners) {
        List<String> all = List.copyOf(owners);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
