package org.tesseracrm.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.tesseracrm.benchmarks.ListBenchmark.Timing;
import org.tesseracrm.forecasts.api.Figure;
import org.tesseracrm.forecasts.api.Forecast;
import org.tesseracrm.forecasts.api.ForecastPeriod;
import org.tesseracrm.forecasts.api.ForecastRow;
import org.tesseracrm.forecasts.api.ForecastSubject;
import org.tesseracrm.forecasts.api.Forecasts;
import org.tesseracrm.forecasts.internal.service.ForecastsImpl;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.RoleScope;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseKind;

/**
 * The forecast benchmark (issue 20 item 7): the Forecasts module's {@code ForecastsImpl} over the pipeline
 * benchmark's 200,000 opportunities of 50 owners (80 % EUR, 20 % USD at a rate of 0.92), for a 50-user role tree:
 * a director (user1) over 4 regions (a manager each, user2-user5), each over a role of reps (user6-user50, 11 or 12
 * each). Times the director's forecast for a quarter and a half-year, a regional manager's quarter, and a
 * drill-down; checks the director's achieved count against a direct count of the won opportunities in the period.
 */
final class Forecasting {
    private static final ForecastPeriod Q4 = ForecastPeriod.parse("2026-Q4");
    private static final ForecastPeriod H2 = ForecastPeriod.parse("2026-H2");

    private Forecasting() {
    }

    static String times(String db, Connection connection, Pipeline admin, int runs) throws SQLException {
        RoleScope director = tree();
        RoleScope manager = sub(director, 2, "user2");
        Forecasts asDirector = service(connection, admin, director);
        Forecasts asManager = service(connection, admin, manager);
        asDirector.setReportingCurrency("EUR");
        asDirector.setRate("USD", Optional.of(new BigDecimal("0.92")));
        StringBuilder table = new StringBuilder("| Forecast, 50-user role tree (9 roles), 200,000 opportunities | median ms "
                + "| min ms | max ms | rows |\n|---|---:|---:|---:|---:|\n");
        Forecast q4 = asDirector.forecast(Q4);
        long won = wonIn(connection, admin, Q4);
        ForecastRow top = q4.rows().get(0);
        if (top.achievedCount() != won || !q4.missingRates().isEmpty()) {
            throw new IllegalStateException("The director's forecast counts " + top.achievedCount() + " won opportunities"
                    + " in " + Q4 + ", the database " + won + "; missing rates " + q4.missingRates());
        }
        System.out.printf("%s: forecast %s: achieved %s EUR (%d won), pipeline %s (%d open), weighted %s%n", db, Q4,
                top.achieved(), top.achievedCount(), top.pipeline(), top.pipelineCount(), top.weighted());
        row(table, db, "the director's forecast, " + Q4 + " (" + q4.rows().size() + " rows, " + top.achievedCount()
                + " won and " + top.pipelineCount() + " open counted; checked against a direct count)",
                ListBenchmark.time(runs, () -> asDirector.forecast(Q4).rows().size()));
        Forecast h2 = asDirector.forecast(H2);
        row(table, db, "the director's forecast, " + H2 + " (" + h2.rows().get(0).achievedCount() + " won and "
                + h2.rows().get(0).pipelineCount() + " open counted)", ListBenchmark.time(runs,
                        () -> asDirector.forecast(H2).rows().size()));
        row(table, db, "a regional manager's forecast, " + Q4 + " (12 users)", ListBenchmark.time(runs,
                () -> asManager.forecast(Q4).rows().size()));
        row(table, db, "drill-down: the director's achieved in " + Q4 + " (every won opportunity listed)",
                ListBenchmark.time(runs, () -> asDirector.opportunities(Q4, ForecastSubject.role(1), Figure.ACHIEVED)
                        .size()));
        return table.append('\n').toString();
    }

    private static void row(StringBuilder table, String db, String name, Timing timing) {
        table.append(String.format("| %s | %.1f | %.1f | %.1f | %,d |%n", name, timing.median(), timing.min(),
                timing.max(), timing.rows()));
        System.out.printf("%s: %s -> %.1f ms%n", db, name, timing.median());
    }

    private static long wonIn(Connection connection, Pipeline admin, ForecastPeriod period) throws SQLException {
        List<String> won = admin.phases().phases().stream().filter(p -> p.kind() == PhaseKind.WON).map(Phase::name)
                .toList();
        try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM CRM_OPPORTUNITY WHERE CLOSE_DATE "
                + ">= ? AND CLOSE_DATE <= ? AND PHASE IN (" + String.join(",", java.util.Collections.nCopies(won.size(),
                        "?")) + ")")) {
            s.setDate(1, Date.valueOf(period.start()));
            s.setDate(2, Date.valueOf(period.end()));
            for (int i = 0; i < won.size(); i++) {
                s.setString(3 + i, won.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } finally {
            connection.commit();
        }
    }

    /** Director (1: user1) > Region 1-4 (2-5: user2-user5) > Reps 1-4 (6-9: user6-user50). */
    static RoleScope tree() {
        List<RoleInfo> roles = new ArrayList<>();
        Map<Long, List<RoleScope.Member>> members = new HashMap<>();
        roles.add(new RoleInfo(1, "Director", null));
        members.put(1L, List.of(member(1)));
        for (int region = 1; region <= 4; region++) {
            long regionId = 1 + region;
            long repsId = 5 + region;
            roles.add(new RoleInfo(regionId, "Region " + region, 1L));
            roles.add(new RoleInfo(repsId, "Reps " + region, regionId));
            members.put(regionId, List.of(member(1 + region)));
            List<RoleScope.Member> reps = new ArrayList<>();
            for (int user = 6; user <= 50; user++) {
                if ((user - 6) % 4 == region - 1) {
                    reps.add(member(user));
                }
            }
            members.put(repsId, reps);
        }
        return new RoleScope("user1", Optional.of(roles.get(0)), roles, members);
    }

    private static RoleScope sub(RoleScope all, long roleId, String username) {
        List<RoleInfo> roles = all.roles().stream().filter(r -> all.subtree(roleId).contains(r.id())).toList();
        Map<Long, List<RoleScope.Member>> members = new HashMap<>();
        roles.forEach(r -> members.put(r.id(), all.membersOf(r.id())));
        return new RoleScope(username, Optional.of(roles.get(0)), roles, members);
    }

    private static RoleScope.Member member(int n) {
        return new RoleScope.Member("user" + n, "User " + n, true);
    }

    private static Forecasts service(Connection connection, Pipeline admin, RoleScope scope) {
        Caller caller = new Caller(scope.username());
        AccessControl access = new AccessControl() {
            @Override
            public Caller require(String permission) {
                return caller;
            }

            @Override
            public boolean permitted(String permission) {
                return true;
            }

            @Override
            public Visibility visibility() {
                return new Visibility(true, Set.of());
            }

            @Override
            public void checkAssignable(String username) {
            }

            @Override
            public List<String> assignableUsers() {
                return List.of(scope.username());
            }

            @Override
            public Set<String> groupMates() {
                return Set.of(scope.username());
            }

            @Override
            public Map<String, String> branches() {
                return Map.of();
            }

            @Override
            public RoleScope roleScope() {
                return scope;
            }
        };
        CallerContext callers = new CallerContext() {
            @Override
            public Optional<Caller> current() {
                return Optional.of(caller);
            }

            @Override
            public <T> T callAs(Caller other, Supplier<T> work) {
                return work.get();
            }
        };
        return new ForecastsImpl(access, Platform.sharedScope(connection), admin.phases(), callers, null, null);
    }
}
