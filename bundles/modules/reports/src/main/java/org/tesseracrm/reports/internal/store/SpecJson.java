package org.tesseracrm.reports.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.Aggregate;
import org.tesseracrm.kernel.api.record.DateBucket;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.ReportSort;
import org.tesseracrm.reports.api.ReportSpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A report's spec as the JSON the column SPEC holds, written and read field by field (no reflection), so a stored
 * spec stays readable when the records change: unknown properties are ignored, missing ones take their defaults.
 */
public final class SpecJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SpecJson() {
    }

    /**
     * @param spec a spec
     * @return its JSON text
     */
    public static String write(ReportSpec spec) {
        try {
            return MAPPER.writeValueAsString(tree(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report spec could not be written as JSON", e);
        }
    }

    /**
     * @param spec a spec
     * @return it as a JSON tree (the REST API shows it so)
     */
    public static ObjectNode tree(ReportSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("recordType", spec.recordType());
        root.put("text", spec.text());
        ArrayNode filters = root.putArray("filters");
        for (Filter f : spec.filters()) {
            ObjectNode node = filters.addObject();
            node.put("field", f.field());
            node.put("op", f.op().name());
            ArrayNode values = node.putArray("values");
            f.values().forEach(values::add);
        }
        ArrayNode groups = root.putArray("groups");
        for (Grouping g : spec.groups()) {
            ObjectNode node = groups.addObject();
            node.put("field", g.field());
            g.bucket().ifPresent(b -> node.put("bucket", b.name()));
        }
        ArrayNode measures = root.putArray("measures");
        for (Measure m : spec.measures()) {
            ObjectNode node = measures.addObject();
            node.put("aggregate", m.aggregate().name());
            m.field().ifPresent(f -> node.put("field", f));
        }
        spec.periodField().ifPresent(p -> root.put("periodField", p));
        root.put("chart", spec.chart().name());
        root.put("sort", spec.sort().name());
        root.put("limit", spec.limit());
        return root;
    }

    /**
     * @param json what {@link #write} wrote
     * @return the spec
     * @throws IllegalArgumentException if the text is not a spec
     */
    public static ReportSpec read(String json) {
        try {
            return read(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a report spec: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param root a spec as a JSON tree (stored, or sent to the REST API)
     * @return the spec
     * @throws IllegalArgumentException for a part that does not parse (an unknown operator, aggregate, bucket...)
     */
    public static ReportSpec read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a report spec is a JSON object");
        }
        List<Filter> filters = new ArrayList<>();
        for (JsonNode node : root.path("filters")) {
            List<String> values = new ArrayList<>();
            node.path("values").forEach(v -> values.add(v.asText()));
            filters.add(new Filter(node.path("field").asText(), FilterOp.valueOf(node.path("op").asText()), values));
        }
        List<Grouping> groups = new ArrayList<>();
        for (JsonNode node : root.path("groups")) {
            String bucket = node.path("bucket").asText("");
            groups.add(new Grouping(node.path("field").asText(),
                    bucket.isEmpty() ? Optional.empty() : Optional.of(DateBucket.valueOf(bucket))));
        }
        List<Measure> measures = new ArrayList<>();
        for (JsonNode node : root.path("measures")) {
            String field = node.path("field").asText("");
            measures.add(new Measure(Aggregate.valueOf(node.path("aggregate").asText("COUNT")),
                    field.isEmpty() ? Optional.empty() : Optional.of(field)));
        }
        String period = root.path("periodField").asText("");
        return new ReportSpec(root.path("recordType").asText(""), root.path("text").asText(""), filters, groups,
                measures, period.isEmpty() ? Optional.empty() : Optional.of(period),
                ChartKind.valueOf(root.path("chart").asText(ChartKind.TABLE.name())),
                ReportSort.valueOf(root.path("sort").asText(ReportSort.GROUPS.name())), root.path("limit").asInt(0));
    }
}
