package org.tesseracrm.automation.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;

class ConditionsTest {
    @Test
    void criteriaAndFiltersReadBackAsWritten() {
        Criteria criteria = Criteria.any(Filter.of("source", FilterOp.EQUALS, "Web|form\\x"),
                new Filter("status", FilterOp.IN, List.of("New", "Line\nbreak", "")),
                new Filter("lastContact", FilterOp.BETWEEN, List.of("", "today-90days")),
                new Filter("email", FilterOp.EMPTY, List.of()));
        assertEquals(criteria, Conditions.criteria(Conditions.encode(criteria)));
        assertEquals(Criteria.none(), Conditions.criteria(Conditions.encode(Criteria.none())));
        assertEquals(Criteria.none(), Conditions.criteria(""));
        assertEquals(criteria.conditions(), Conditions.filters(Conditions.encode(criteria.conditions())));
        assertEquals(List.of(), Conditions.filters(""));
    }
}
