package org.tesseracrm.automation.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.automation.api.Contribution;
import org.tesseracrm.automation.api.RuleRun;
import org.tesseracrm.automation.api.RuleStatus;
import org.tesseracrm.automation.internal.rest.AutomationJson.ActionBody;
import org.tesseracrm.automation.internal.rest.AutomationJson.ConditionBody;
import org.tesseracrm.automation.internal.rest.AutomationJson.CriteriaBody;
import org.tesseracrm.automation.internal.rest.AutomationJson.RuleBody;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.automation.TimeSpan;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AutomationJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Rule sample() {
        return new Rule(7, 3, "First filter", "lead", "leads.received", Map.of("source", "Web"),
                new Criteria(Criteria.Match.ANY, List.of(Filter.of("company", FilterOp.CONTAINS, "acme"),
                        new Filter("created", FilterOp.BETWEEN, List.of("", "today-90days")))),
                List.of(RuleAction.of("notification.send", Map.of("message", "New <b>lead</b>")),
                        new RuleAction("record.updateField", Map.of("field", "status", "value", "Open"),
                                Optional.of(new TimeSpan(2, TimeSpan.Unit.HOURS)))),
                Rule.Repeat.ONCE_PER_RECORD, true);
    }

    @Test
    void aBodyReadsIntoARuleAndARuleWritesBackToTheSameBody() throws Exception {
        Rule rule = sample();
        RuleBody body = AutomationJson.body(rule);
        String text = JSON.writeValueAsString(body);
        RuleBody read = JSON.readValue(text, RuleBody.class);
        assertEquals(rule, AutomationJson.rule(7, 3, read, false));
    }

    @Test
    void aRuleIsWrittenWithItsStateAndTimesAsText() {
        RuleStatus status = new RuleStatus(sample(), RuleStatus.State.SUSPENDED, List.of("record.updateField"),
                "admin", Instant.parse("2026-12-06T04:00:00Z"));
        JsonNode json = JSON.valueToTree(AutomationJson.rule(status));
        assertEquals(7, json.get("id").asLong());
        assertEquals(3, json.get("version").asInt());
        assertEquals("SUSPENDED", json.get("state").asText());
        assertEquals("record.updateField", json.get("missing").get(0).asText());
        assertEquals("2026-12-06T04:00:00Z", json.get("savedAt").asText());
        assertEquals("ANY", json.get("criteria").get("match").asText());
        assertEquals("BETWEEN", json.get("criteria").get("conditions").get(1).get("op").asText());
        assertEquals("today-90days", json.get("criteria").get("conditions").get(1).get("values").get(1).asText());
        assertEquals("New <b>lead</b>", json.get("actions").get(0).get("config").get("message").asText(),
                "text is data: JSON keeps it as it is, the UI escapes it");
        assertTrue(json.get("actions").get(0).get("delay").isNull());
        assertEquals("2 hours", json.get("actions").get(1).get("delay").asText());
        assertEquals("ONCE_PER_RECORD", json.get("repeat").asText());
    }

    @Test
    void everyPartThatDoesNotReadIsNamedAtOnce() {
        RuleBody body = new RuleBody(" ", null, "", null, new CriteriaBody("SOME", List.of(
                new ConditionBody("company", "LIKE", List.of("x")), new ConditionBody("", "EQUALS", List.of("x")),
                new ConditionBody("status", "BETWEEN", List.of("x")))),
                List.of(new ActionBody("", Map.of(), null), new ActionBody("a", null, "3 fortnights")), "SOMETIMES",
                null, null);
        ValidationException e = assertThrows(ValidationException.class, () -> AutomationJson.rule(0, 1, body, true));
        assertEquals(List.of("name", "recordType", "trigger", "criteria.match", "criteria.conditions[0].op",
                "criteria.conditions[1].field", "criteria.conditions[2].values", "actions[0].action",
                "actions[1].delay", "repeat"), e.errors().stream().map(FieldError::field).toList());
        ValidationException none = assertThrows(ValidationException.class, () -> AutomationJson.rule(0, 1,
                new RuleBody("R", "contact", "record.created", null, null, List.of(), null, null, null), true));
        assertEquals(List.of("actions"), none.errors().stream().map(FieldError::field).toList());
        assertThrows(ValidationException.class, () -> AutomationJson.rule(0, 1, null, true));
    }

    @Test
    void leftOutPartsTakeTheirDefaultsAndBlankValuesAreLeftOut() {
        Rule rule = AutomationJson.rule(0, 1, new RuleBody(" New contact ", "contact", "record.created",
                Map.of("field", " "), null, List.of(new ActionBody("notification.send", Map.of("message", " Hi ",
                        "user", ""), " ")), null, null, null), true);
        assertEquals("New contact", rule.name());
        assertEquals(Criteria.none(), rule.criteria());
        assertEquals(Map.of(), rule.triggerConfig());
        assertEquals(Map.of("message", "Hi"), rule.actions().get(0).config());
        assertEquals(Optional.empty(), rule.actions().get(0).delay());
        assertEquals(Rule.Repeat.EVERY_TIME, rule.repeat());
        assertTrue(rule.active());
        assertEquals(1, rule.version());
    }

    @Test
    void runsAndContributionsAreWrittenAsTheLogAndTheCatalogueShowThem() {
        RuleRun run = new RuleRun(5, 7, 2, "contact", 42, "record.created", 1, RuleRun.Status.DONE,
                Instant.parse("2026-12-06T04:00:00Z"), Optional.empty(), "", List.of(new RuleRun.Step(1,
                        "notification.send", "DONE", "Sent to admin", Instant.parse("2026-12-06T04:00:01Z"))));
        JsonNode json = JSON.valueToTree(AutomationJson.run(run));
        assertEquals("DONE", json.get("status").asText());
        assertTrue(json.get("finishedAt").isNull());
        assertEquals("Sent to admin", json.get("steps").get(0).get("message").asText());
        assertEquals("2026-12-06T04:00:01Z", json.get("steps").get(0).get("at").asText());
        Contribution c = new Contribution("notification.send", "Send a notification", Set.of("lead", "contact"),
                List.of(Parameter.choice("kind", "Kind", List.of("info", "warning")),
                        Parameter.of("within", "Within", ParameterType.TIME_SPAN, false).withHelp("When")),
                "org.tesseracrm.automation");
        JsonNode catalogue = JSON.valueToTree(AutomationJson.contribution(c));
        assertEquals("[\"contact\",\"lead\"]", catalogue.get("recordTypes").toString());
        assertEquals("info", catalogue.get("parameters").get(0).get("defaultValue").asText());
        assertEquals("TIME_SPAN", catalogue.get("parameters").get(1).get("type").asText());
        assertNull(catalogue.get("parameters").get(1).get("defaultValue").textValue());
    }

    @Test
    void theVersionEditedComesFromIfMatchElseTheBody() {
        RuleBody body = new RuleBody("R", "contact", "t", null, null, null, null, null, 4);
        assertEquals(3, AutomationResource.editedVersion("\"3\"", body));
        assertEquals(3, AutomationResource.editedVersion("W/\"3\"", body));
        assertEquals(4, AutomationResource.editedVersion(null, body));
        assertEquals(List.of("If-Match"), assertThrows(ValidationException.class,
                () -> AutomationResource.editedVersion("\"abc\"", body)).errors().stream().map(FieldError::field)
                .toList());
        assertEquals(List.of("version"), assertThrows(ValidationException.class,
                () -> AutomationResource.editedVersion(" ", null)).errors().stream().map(FieldError::field).toList());
    }
}
