package org.tesseracrm.automation.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.automation.TimeSpan;
import org.tesseracrm.kernel.api.record.FilterOp;

class FormValuesTest {
    @Test
    void listsAreJoinedAndSplitAsARuleKeepsThem() {
        assertEquals(List.of("Sales", "Support"), FormValues.split(" Sales; Support ;;Sales "));
        assertEquals(List.of(), FormValues.split("  "));
        assertEquals("Sales;Support", FormValues.join(List.of(" Sales", "", "Support", "Sales")));
        assertEquals("", FormValues.join(Set.of()));
    }

    @Test
    void anAmountOfTimeIsAnAmountAndAUnit() {
        assertEquals("3 days", FormValues.timeSpan(3, TimeSpan.Unit.DAYS));
        assertEquals("", FormValues.timeSpan(null, TimeSpan.Unit.DAYS));
        assertEquals("30 minutes", FormValues.timeSpan(30, null));
        assertEquals(Optional.of(new TimeSpan(120, TimeSpan.Unit.MINUTES)), FormValues.timeSpan("120 minutes"));
        assertEquals(Optional.empty(), FormValues.timeSpan("soon"));
        assertEquals(Optional.empty(), FormValues.timeSpan(""));
    }

    @Test
    void anInputStartsWithTheRulesValueElseTheDefault() {
        Parameter p = Parameter.of("title", "Title", ParameterType.TEXT, true).withDefault("Call back");
        assertEquals("Call back", FormValues.initial(p, Map.of()));
        assertEquals("First filter", FormValues.initial(p, Map.of("title", "First filter")));
        assertEquals("", FormValues.initial(Parameter.of("x", "X", ParameterType.TEXT, false), Map.of()));
    }

    @Test
    void valuesAreCheckedByTheirType() {
        Parameter required = Parameter.of("title", "Title", ParameterType.TEXT, true);
        assertEquals(Optional.of("Enter Title: it is required."), FormValues.check(required, " "));
        assertEquals(Optional.empty(), FormValues.check(Parameter.of("n", "N", ParameterType.TEXT, false), ""));
        Parameter number = Parameter.of("points", "Points", ParameterType.NUMBER, false);
        assertEquals(Optional.empty(), FormValues.check(number, "20.5"));
        assertTrue(FormValues.check(number, "20,5").isPresent());
        Parameter flag = Parameter.of("late", "Late", ParameterType.BOOLEAN, true);
        assertEquals(Optional.empty(), FormValues.check(flag, ""), "a check box always has a value");
        assertEquals(Optional.empty(), FormValues.check(flag, "true"));
        assertTrue(FormValues.check(flag, "yes").isPresent());
        Parameter choice = Parameter.choice("type", "Type", List.of("Call", "Meeting"));
        assertEquals(Optional.empty(), FormValues.check(choice, "Call"));
        assertEquals(Optional.of("Choose one of Call, Meeting."), FormValues.check(choice, "Mail"));
        Parameter many = new Parameter("days", "Days", ParameterType.MULTI_CHOICE, false, List.of("Mon", "Tue"),
                Optional.empty(), "");
        assertEquals(Optional.empty(), FormValues.check(many, "Mon;Tue"));
        assertEquals(Optional.of("Not offered: Sun."), FormValues.check(many, "Mon;Sun"));
        Parameter span = Parameter.of("within", "Complete within", ParameterType.TIME_SPAN, true);
        assertEquals(Optional.empty(), FormValues.check(span, "2 hours"));
        assertTrue(FormValues.check(span, "2 fortnights").orElseThrow().startsWith("Enter an amount of time"));
        assertEquals(Optional.empty(), FormValues.check(Parameter.of("f", "F", ParameterType.FIELD, true), "email"),
                "fields, users and groups are the service's to check");
    }

    @Test
    void conditionValuesFollowTheOperatorsArity() {
        assertEquals(List.of(), FormValues.conditionValues(FilterOp.EMPTY, "x", "y", List.of("z")));
        assertEquals(List.of("acme"), FormValues.conditionValues(FilterOp.CONTAINS, " acme ", "y", List.of()));
        assertEquals(List.of("", "today-90days"), FormValues.conditionValues(FilterOp.BETWEEN, "", "today-90days",
                List.of()));
        assertEquals(List.of("Web", "Fair"), FormValues.conditionValues(FilterOp.IN, "", "", List.of("Web", " ",
                "Fair", "Web")));
        assertEquals(Optional.of("Choose at least one value."), FormValues.checkCondition(FilterOp.IN, List.of()));
        assertEquals(Optional.of("Enter a value."), FormValues.checkCondition(FilterOp.EQUALS, List.of("")));
        assertTrue(FormValues.checkCondition(FilterOp.BETWEEN, List.of("", "")).isPresent());
        assertEquals(Optional.empty(), FormValues.checkCondition(FilterOp.BETWEEN, List.of("", "today")));
        assertEquals(Optional.empty(), FormValues.checkCondition(FilterOp.NOT_EMPTY, List.of()));
    }

    @Test
    void theServicesFieldErrorsFindTheirInputs() {
        assertEquals(new FormValues.Target("name", -1, ""), FormValues.target("name"));
        assertEquals(new FormValues.Target("trigger", -1, "field"), FormValues.target("triggerConfig.field"));
        assertEquals(new FormValues.Target("trigger", -1, ""), FormValues.target("trigger"));
        assertEquals(new FormValues.Target("actions", 1, "completeWithin"),
                FormValues.target("actions[1].completeWithin"));
        assertEquals(new FormValues.Target("actions", 0, "title"), FormValues.target("actions[0].config.title"));
        assertEquals(new FormValues.Target("actions", 2, ""), FormValues.target("actions[2].action"));
        assertEquals(new FormValues.Target("actions", 2, "delay"), FormValues.target("actions.2.delay"));
        assertEquals(new FormValues.Target("actions", -1, ""), FormValues.target("actions"));
        assertEquals(new FormValues.Target("criteria", 3, ""), FormValues.target("criteria.conditions[3].values"));
        assertEquals(new FormValues.Target("criteria", -1, ""), FormValues.target("criteria"));
        assertEquals(new FormValues.Target("other", -1, ""), FormValues.target("somethingElse"));
        assertEquals(new FormValues.Target("other", -1, ""), FormValues.target(null));
    }
}
