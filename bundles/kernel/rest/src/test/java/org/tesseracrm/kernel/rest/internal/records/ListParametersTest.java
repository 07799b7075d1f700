package org.tesseracrm.kernel.rest.internal.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.rest.internal.Problem;
import org.tesseracrm.kernel.rest.internal.ProblemException;
import org.tesseracrm.kernel.rest.internal.records.ListParameters.ListRequest;

class ListParametersTest {

    @Test
    void withoutParametersReadsTheFirstFiftyInTheDefaultOrder() {
        ListRequest request = parse(Map.of());
        assertEquals(50, request.query().limit());
        assertEquals(List.of(), request.query().sort());
        assertEquals(List.of(), request.query().filters());
        assertEquals(Optional.empty(), request.cursor());
        assertEquals(List.of(), request.fields());
    }

    @Test
    void readsLimitCursorSortSearchAndFields() {
        ListRequest request = parse(Map.of("limit", List.of("200"), "cursor", List.of("abc"),
                "sort", List.of("lastName,-createdAt"), "q", List.of("love"), "fields", List.of("lastName, email")));
        assertEquals(200, request.query().limit());
        assertEquals(Optional.of("abc"), request.cursor());
        assertEquals(List.of(new SortOrder("lastName", true), new SortOrder("createdAt", false)), request.query().sort());
        assertEquals(Optional.of("love"), request.query().text());
        assertEquals(List.of("lastName", "email"), request.fields());
    }

    @Test
    void mapsEveryOperatorOntoTheListViewsFilters() {
        ListRequest request = parse(ordered("lastName[contains]", "love", "email[eq]", "ada@example.org",
                "cf_budget[between]", "10,", "owner[in]", "ada,bob", "company[empty]", "", "email[notEmpty]", "",
                "lastName[ne]", "Byron", "cf_birthday[between]", "2026-01-01,2026-12-31"));
        assertEquals(List.of(Filter.of("lastName", FilterOp.CONTAINS, "love"),
                Filter.of("email", FilterOp.EQUALS, "ada@example.org"),
                new Filter("cf_budget", FilterOp.BETWEEN, List.of("10", "")),
                new Filter("owner", FilterOp.IN, List.of("ada", "bob")),
                new Filter("company", FilterOp.EMPTY, List.of()),
                new Filter("email", FilterOp.NOT_EMPTY, List.of()),
                Filter.of("lastName", FilterOp.NOT_EQUALS, "Byron"),
                new Filter("cf_birthday", FilterOp.BETWEEN, List.of("2026-01-01", "2026-12-31"))), request.query().filters());
    }

    @Test
    void dateTimeFiltersTakeInstantsWithAnyOffsetAndWholeUtcDays() {
        ListRequest request = parse(ordered("createdAt[between]", "2026-01-01,2026-12-31",
                "createdAt[eq]", "2026-12-05T10:30:00+01:00"));
        assertEquals(List.of(new Filter("createdAt", FilterOp.BETWEEN, List.of("2026-01-01T00:00", "2026-12-31T23:59:59.999999")),
                Filter.of("createdAt", FilterOp.EQUALS, "2026-12-05T09:30")), request.query().filters());
        assertEquals("", ListParameters.dateTime("", true));
        assertEquals("yesterday", ListParameters.dateTime("yesterday", false), "left for the platform to refuse by name");
    }

    @Test
    void refusesUnknownParametersAndFieldsEachByName() {
        ProblemException refused = assertThrows(ProblemException.class, () -> parse(ordered("colour", "red",
                "fields", "lastName,shoeSize", "sort", "-height", "age[eq]", "3", "lastName[like]", "x")));
        Problem problem = refused.problem();
        assertEquals(400, problem.status());
        assertEquals(List.of("colour", "shoeSize", "height", "age", "lastName"),
                problem.errors().stream().map(Problem.FieldProblem::field).toList());
        assertTrue(problem.errors().get(4).message().contains("contains, eq, ne"), problem.errors().get(4).message());
    }

    @Test
    void refusesLimitsOutsideOneToTwoHundredAndRepeatedParameters() {
        for (String limit : List.of("0", "201", "ten", "")) {
            ProblemException refused = assertThrows(ProblemException.class, () -> parse(Map.of("limit", List.of(limit))));
            assertEquals("limit", refused.problem().errors().get(0).field());
        }
        ProblemException twice = assertThrows(ProblemException.class, () -> parse(Map.of("sort", List.of("lastName", "email"))));
        assertEquals("sort", twice.problem().errors().get(0).field());
    }

    @Test
    void refusesOperatorsTheFieldsTypeDoesNotTakeAndFieldsListsCannotFilter() {
        ProblemException refused = assertThrows(ProblemException.class, () -> parse(ordered("cf_budget[contains]", "1",
                "cf_memo[eq]", "x", "lastName[between]", "a,b", "cf_budget[between]", "1,2,3")));
        assertEquals(List.of("cf_budget", "cf_memo", "lastName", "cf_budget"),
                refused.problem().errors().stream().map(Problem.FieldProblem::field).toList());
        assertTrue(refused.problem().errors().get(0).message().contains("use one of eq, ne, empty, notEmpty, between"),
                refused.problem().errors().get(0).message());
    }

    @Test
    void aRepeatedFilterAddsAConditionPerValue() {
        ListRequest request = parse(Map.of("lastName[contains]", List.of("a", "b")));
        assertEquals(List.of(Filter.of("lastName", FilterOp.CONTAINS, "a"), Filter.of("lastName", FilterOp.CONTAINS, "b")),
                request.query().filters());
    }

    private static ListRequest parse(Map<String, List<String>> parameters) {
        return ListParameters.parse(parameters, Fields.CONTACT);
    }

    private static Map<String, List<String>> ordered(String... pairs) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return parameters;
    }
}
