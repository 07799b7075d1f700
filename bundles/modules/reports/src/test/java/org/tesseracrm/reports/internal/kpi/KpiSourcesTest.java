package org.tesseracrm.reports.internal.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;
import org.tesseracrm.reports.api.ReportResult;

/**
 * The ready-made reports over a stand-in record platform: what they ask it for, what they make of its answers, and the
 * notices when a module, a field or a permission is missing.
 */
class KpiSourcesTest {
    private static final Period Q1 = new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"));

    /** A record platform answering aggregate and count from functions, recording the queries. */
    private static final class FakeRecords {
        BiFunction<String, RecordQuery, List<AggregateRow>> aggregate = (t, q) -> List.of();
        BiFunction<String, RecordQuery, Long> count = (t, q) -> 0L;
        final List<RecordQuery> queries = new ArrayList<>();

        Records proxy() {
            return (Records) Proxy.newProxyInstance(Records.class.getClassLoader(), new Class<?>[] {Records.class},
                    (p, m, a) -> switch (m.getName()) {
                        case "aggregate" -> {
                            queries.add((RecordQuery) a[1]);
                            yield aggregate.apply((String) a[0], (RecordQuery) a[1]);
                        }
                        case "count" -> {
                            queries.add((RecordQuery) a[1]);
                            yield count.apply((String) a[0], (RecordQuery) a[1]);
                        }
                        case "shownTitles" -> new HashMap<Long, String>();
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    private static RecordTypes types(String... installed) {
        Set<String> ids = Set.of(installed);
        return (RecordTypes) Proxy.newProxyInstance(RecordTypes.class.getClassLoader(),
                new Class<?>[] {RecordTypes.class}, (p, m, a) -> switch (m.getName()) {
                    case "find" -> ids.contains((String) a[0]) ? Optional.of(type()) : Optional.empty();
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static RecordType type() {
        return (RecordType) Proxy.newProxyInstance(RecordType.class.getClassLoader(), new Class<?>[] {RecordType.class},
                (p, m, a) -> null);
    }

    private static CustomFields fields(Map<String, List<FieldDefinition>> byType) {
        return (CustomFields) Proxy.newProxyInstance(CustomFields.class.getClassLoader(),
                new Class<?>[] {CustomFields.class}, (p, m, a) -> switch (m.getName()) {
                    case "fields" -> byType.getOrDefault((String) a[0], List.of());
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static FieldDefinition field(String name, FieldType type) {
        return FieldDefinition.predefined(name, name, type, name.toUpperCase(Locale.ROOT), false, 0);
    }

    private static ReportContext context(Records records) {
        return new ReportContext(Optional.of(Q1), ZoneId.of("Europe/Madrid"), Locale.UK, records);
    }

    private static AggregateRow row(List<String> keys, long... values) {
        return new AggregateRow(keys.stream().map(Optional::ofNullable).toList(),
                keys.stream().map(k -> k == null ? AggregateRow.NONE : k).toList(),
                Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList());
    }

    private static List<BigDecimal> values(ReportResult result) {
        return result.rows().get(0).values();
    }

    private static final Map<String, List<FieldDefinition>> SURVEY_FIELDS = Map.of("survey", List.of(
            field("kind", FieldType.PICKLIST), field("score", FieldType.NUMBER), field("answeredOn", FieldType.DATE)));

    @Test
    void npsFromTheScoresOfThePeriodAsTheCallerSeesThem() {
        FakeRecords records = new FakeRecords();
        records.aggregate = (type, query) -> {
            assertEquals("survey", type);
            assertEquals(List.of("kind", "answeredOn"), query.filters().stream().map(Filter::field).toList());
            assertEquals(List.of("NPS"), query.filters().get(0).values());
            assertEquals(List.of("2026-01-01", "2026-03-31"), query.filters().get(1).values());
            return List.of(row(List.of("10"), 3), row(List.of("9"), 1), row(List.of("8"), 2), row(List.of("6"), 1),
                    row(List.of("2"), 1));
        };
        ReportResult result = new NpsSource(types("survey"), fields(SURVEY_FIELDS)).run(context(records.proxy()));
        // 4 promoters, 2 passives, 2 detractors of 8: (4 - 2) / 8 = 25.0
        assertEquals(List.of(new BigDecimal("25.0"), BigDecimal.valueOf(4), BigDecimal.valueOf(2),
                BigDecimal.valueOf(2), BigDecimal.valueOf(8)), values(result));
        assertEquals(Optional.empty(), result.notice());
        assertEquals(Optional.of("survey"), result.drillType());
        assertTrue(result.title().contains("2026-01-01"), result.title());
    }

    @Test
    void npsWithoutAnswersHasNoFigureAndSaysWhy() {
        ReportResult result = new NpsSource(types("survey"), fields(SURVEY_FIELDS))
                .run(context(new FakeRecords().proxy()));
        assertEquals(null, values(result).get(0));
        assertTrue(result.notice().orElseThrow().contains("No NPS answers"), result.notice().toString());
    }

    @Test
    void withoutTheSurveysModuleTheKpiSaysWhatToInstall() {
        ReportResult result = new CsatSource(types(), fields(Map.of())).run(context(new FakeRecords().proxy()));
        assertEquals(List.of(), result.rows());
        assertTrue(result.notice().orElseThrow().contains("Install the Surveys module"), result.notice().toString());
        assertTrue(result.notice().orElseThrow().contains("crm-surveys"), result.notice().toString());
    }

    @Test
    void aCallerWithoutThePermissionGetsANoticeNotAnError() {
        FakeRecords records = new FakeRecords();
        records.aggregate = (type, query) -> {
            throw new PermissionDeniedException("surveys.view");
        };
        ReportResult result = new NpsSource(types("survey"), fields(SURVEY_FIELDS)).run(context(records.proxy()));
        assertTrue(result.notice().orElseThrow().contains("surveys.view"), result.notice().toString());
    }

    @Test
    void churnNamesTheFieldsToAddThenCountsWithDateFilters() {
        FakeRecords records = new FakeRecords();
        ReportResult missing = new ChurnSource(types("company"), fields(Map.of("company",
                List.of(field("name", FieldType.TEXT))))).run(context(records.proxy()));
        assertTrue(missing.notice().orElseThrow().contains("\"Customer since\" and \"Customer lost on\""),
                missing.notice().toString());
        assertEquals(List.of(), missing.rows());

        // the counts of KpiFormulasTest's data set: since before Q1: 4; of them lost before: 1, lost in Q1: 2;
        // gained in Q1: 2, of them lost in Q1: 1
        records.count = (type, query) -> {
            String key = query.filters().stream().map(f -> f.field() + f.values()).toList().toString();
            return switch (key) {
                case "[cf_customer_since[, 2025-12-31]]" -> 4L;
                case "[cf_customer_since[, 2025-12-31], cf_customer_lost_on[, 2025-12-31]]" -> 1L;
                case "[cf_customer_since[, 2025-12-31], cf_customer_lost_on[2026-01-01, 2026-03-31]]" -> 2L;
                case "[cf_customer_since[2026-01-01, 2026-03-31]]" -> 2L;
                case "[cf_customer_since[2026-01-01, 2026-03-31], cf_customer_lost_on[2026-01-01, 2026-03-31]]" -> 1L;
                default -> throw new AssertionError(key);
            };
        };
        ReportResult churn = new ChurnSource(types("company"), fields(Map.of("company", List.of(
                field("cf_customer_since", FieldType.DATE), field("cf_customer_lost_on", FieldType.DATE)))))
                .run(context(records.proxy()));
        assertEquals(List.of(new BigDecimal("66.7"), BigDecimal.valueOf(3), BigDecimal.valueOf(2),
                BigDecimal.valueOf(2), BigDecimal.valueOf(1)), values(churn));
    }

    @Test
    void videoCheckInsAreCheckInsAndVideoCallsActivities() {
        FakeRecords records = new FakeRecords();
        records.aggregate = (type, query) -> List.of(row(List.of("alice", "video-checkin"), 2),
                row(List.of("alice", "call"), 3), row(List.of("alice", "video-call"), 1),
                row(List.of("bob", "meeting"), 1));
        ReportResult result = new ActivitiesPerUserSource(types("activity"), fields(Map.of("activity",
                List.of(field("done", FieldType.BOOLEAN), field("dueAt", FieldType.DATE_TIME)))))
                .run(context(records.proxy()));
        assertEquals(2, result.rows().size());
        assertEquals(List.of(BigDecimal.valueOf(2), BigDecimal.valueOf(4), BigDecimal.valueOf(1)),
                result.rows().get(0).values());
        assertEquals(List.of(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO), result.rows().get(1).values());
        // the period in the caller's zone, in UTC: Madrid is UTC+1 in winter
        assertEquals(List.of("2025-12-31T23:00", "2026-03-31T21:59:59.999"),
                records.queries.get(0).filters().get(1).values());
    }

    @Test
    void acquisitionRatePerChannel() {
        FakeRecords records = new FakeRecords();
        records.aggregate = (type, query) -> query.filters().size() == 1
                ? List.of(row(List.of("Web"), 8), row(List.of("Referral"), 3), row(Arrays.asList((String) null), 2))
                : List.of(row(List.of("Web"), 2), row(List.of("Referral"), 2));
        ReportResult result = new AcquisitionSource(types("lead"), fields(Map.of("lead",
                List.of(field("createdAt", FieldType.DATE_TIME))))).run(context(records.proxy()));
        assertEquals(List.of(new BigDecimal("25.0"), BigDecimal.valueOf(8), BigDecimal.valueOf(2)),
                result.rows().get(0).values());
        assertEquals(new BigDecimal("66.7"), result.rows().get(1).values().get(0));
        assertEquals(new BigDecimal("0.0"), result.rows().get(2).values().get(0));
    }

    @Test
    void phaseKindsAndHistoryThroughTheOpportunitiesApiByName() {
        OpportunityPhases phases = new OpportunityPhases() {
            @Override
            public List<Phase> phases() {
                return List.of(new Phase("Open", PhaseKind.OPEN), new Phase("Won", PhaseKind.WON),
                        new Phase("Signed", PhaseKind.WON), new Phase("Lost", PhaseKind.LOST));
            }

            @Override
            public List<PhaseChange> history(long opportunityId) {
                if (opportunityId == 0) {
                    throw new PermissionDeniedException("opportunities.view");
                }
                return List.of(new PhaseChange("Open", LocalDateTime.parse("2026-01-01T10:00")),
                        new PhaseChange("Signed", LocalDateTime.parse("2026-01-04T22:00")),
                        new PhaseChange("Won", LocalDateTime.parse("2026-01-09T10:00")));
            }
        };
        OpportunityOutcomes outcomes = new OpportunityOutcomes(phases);
        OpportunityOutcomes.Kinds kinds = outcomes.kinds();
        assertEquals(Set.of("Won", "Signed"), kinds.won());
        assertEquals(Set.of("Lost"), kinds.lost());
        // the first entry into any won phase ends the cycle: 3.5 days
        assertEquals(Optional.of(Duration.ofHours(84)), WinRateSource.cycle(outcomes.history(7), kinds));
        assertEquals(Optional.empty(), WinRateSource.cycle(List.of(), kinds));
        try {
            outcomes.history(0);
            throw new AssertionError("refused");
        } catch (PermissionDeniedException e) {
            assertEquals("opportunities.view", e.getMessage());
        }
    }
}
