package org.tesseracrm.automation.internal.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.automation.TimeSpan;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;

/**
 * A rule's definition as the JSON text AUTOMATION_RULE_VERSION keeps (everything but its id, version and whether it
 * is switched on, which are columns), and a run's trigger details as JSON: through Jackson, never by hand.
 *
 * <pre>{"name": "...", "recordType": "lead", "trigger": "record.fieldChanged", "triggerConfig": {"field": "status"},
 * "criteria": {"match": "ALL", "conditions": [{"field": "source", "op": "EQUALS", "values": ["Web"]}]},
 * "actions": [{"action": "notification.send", "config": {...}, "delay": "3 days"}], "repeat": "EVERY_TIME"}</pre>
 */
public final class RuleJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 400;

    private RuleJson() {
    }

    /**
     * @param rule a rule
     * @return its definition as JSON text
     */
    public static String write(Rule rule) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", rule.name());
        root.put("recordType", rule.recordType());
        root.put("trigger", rule.trigger());
        root.set("triggerConfig", map(rule.triggerConfig()));
        ObjectNode criteria = root.putObject("criteria");
        criteria.put("match", rule.criteria().match().name());
        ArrayNode conditions = criteria.putArray("conditions");
        for (Filter filter : rule.criteria().conditions()) {
            ObjectNode condition = conditions.addObject();
            condition.put("field", filter.field());
            condition.put("op", filter.op().name());
            ArrayNode values = condition.putArray("values");
            filter.values().forEach(values::add);
        }
        ArrayNode actions = root.putArray("actions");
        for (RuleAction step : rule.actions()) {
            ObjectNode action = actions.addObject();
            action.put("action", step.action());
            action.set("config", map(step.config()));
            step.delay().ifPresent(delay -> action.put("delay", delay.toString()));
        }
        root.put("repeat", rule.repeat().name());
        return root.toString();
    }

    /**
     * @param id the rule's id
     * @param version the version the text was saved as
     * @param active whether the rule is switched on
     * @param text a definition {@link #write} wrote
     * @return the rule
     */
    public static Rule read(long id, int version, boolean active, String text) {
        try {
            JsonNode root = JSON.readTree(text);
            JsonNode criteria = root.path("criteria");
            List<Filter> conditions = new ArrayList<>();
            for (JsonNode condition : criteria.path("conditions")) {
                List<String> values = new ArrayList<>();
                condition.path("values").forEach(v -> values.add(v.asText()));
                conditions.add(new Filter(condition.path("field").asText(),
                        FilterOp.valueOf(condition.path("op").asText()), values));
            }
            List<RuleAction> actions = new ArrayList<>();
            for (JsonNode action : root.path("actions")) {
                Optional<TimeSpan> delay = action.hasNonNull("delay")
                        ? Optional.of(TimeSpan.parse(action.get("delay").asText())) : Optional.empty();
                actions.add(new RuleAction(action.path("action").asText(), map(action.path("config")), delay));
            }
            return new Rule(id, version, root.path("name").asText(), root.path("recordType").asText(),
                    root.path("trigger").asText(), map(root.path("triggerConfig")),
                    new Criteria(Criteria.Match.valueOf(criteria.path("match").asText("ALL")), conditions), actions,
                    Rule.Repeat.valueOf(root.path("repeat").asText()), active);
        } catch (IOException | IllegalArgumentException e) {
            throw new CrmException("Rule " + id + " version " + version + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * @param details a trigger event's details
     * @return them as a JSON object
     */
    public static String writeDetails(Map<String, String> details) {
        Map<String, String> kept = new LinkedHashMap<>();
        details.forEach((name, value) -> kept.put(name, value.length() > MAX_DETAIL ? value.substring(0, MAX_DETAIL)
                : value));
        String text = map(kept).toString();
        return text.length() > RuleStore.MAX_DETAILS ? "{}" : text;
    }

    /**
     * @param text what {@link #writeDetails} wrote, or "" for none
     * @return the details
     */
    public static Map<String, String> readDetails(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return map(JSON.readTree(text));
        } catch (IOException e) {
            throw new CrmException("A run's trigger details cannot be read: " + e.getMessage(), e);
        }
    }

    private static ObjectNode map(Map<String, String> values) {
        ObjectNode node = JSON.createObjectNode();
        new TreeMap<>(values).forEach(node::put);
        return node;
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}
