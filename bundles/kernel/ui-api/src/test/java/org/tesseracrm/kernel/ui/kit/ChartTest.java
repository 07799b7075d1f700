package org.tesseracrm.kernel.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;

/** The ECharts option each kind of chart sends to the browser, its text staying text, and point clicks. */
class ChartTest {
    private static final Chart.Data MONTHS = Chart.Data.of(List.of("Jan", "Feb", "Mar"),
            Chart.Series.of("Won", List.of(3, 5, 0)), Chart.Series.of("Lost", List.of(1L, 2L, 4L)));
    private static final Chart.Data PHASES = Chart.Data.of(List.of("Lead", "Offer", "Won"),
            Chart.Series.of("Opportunities", List.of(40, 12.5, 7)));

    @Test
    void barsAndLinesPutTheCategoriesOnTheAxisAndASeriesEachStackedOnlyForAStackedBar() {
        JsonObject bar = option(Chart.Kind.BAR, MONTHS);
        assertEquals("category", bar.getObject("xAxis").getString("type"));
        assertEquals(List.of("Jan", "Feb", "Mar"), strings(bar.getObject("xAxis").getArray("data")));
        assertEquals("value", bar.getObject("yAxis").getString("type"));
        JsonArray series = bar.getArray("series");
        assertEquals(2, series.length());
        assertEquals("bar", series.getObject(0).getString("type"));
        assertEquals("Won", series.getObject(0).getString("name"));
        assertEquals(List.of(3.0, 5.0, 0.0), numbers(series.getObject(0).getArray("data")));
        assertEquals(List.of(1.0, 2.0, 4.0), numbers(series.getObject(1).getArray("data")));
        assertFalse(series.getObject(0).hasKey("stack"), "side by side");
        assertEquals("axis", bar.getObject("tooltip").getString("trigger"));
        assertTrue(bar.hasKey("legend"), "two series need a legend");

        JsonArray stacked = option(Chart.Kind.STACKED_BAR, MONTHS).getArray("series");
        assertEquals("total", stacked.getObject(0).getString("stack"));
        assertEquals("total", stacked.getObject(1).getString("stack"));
        assertEquals("bar", stacked.getObject(1).getString("type"));

        JsonArray line = option(Chart.Kind.LINE, MONTHS).getArray("series");
        assertEquals("line", line.getObject(0).getString("type"));
        assertFalse(line.getObject(0).hasKey("stack"));

        assertFalse(option(Chart.Kind.BAR, Chart.Data.of(List.of("Jan"), Chart.Series.of("Won", List.of(1))))
                .hasKey("legend"), "one series: no legend");
    }

    @Test
    void piesDonutsAndFunnelsHaveNoAxesAndASliceNamedByEachCategoryInTheCategoriesOrder() {
        JsonObject pie = option(Chart.Kind.PIE, PHASES);
        assertFalse(pie.hasKey("xAxis"));
        assertFalse(pie.hasKey("grid"));
        JsonObject slices = pie.getArray("series").getObject(0);
        assertEquals("pie", slices.getString("type"));
        assertEquals(JsonType.STRING, slices.get("radius").getType(), "a full pie");
        assertEquals("item", pie.getObject("tooltip").getString("trigger"));
        JsonArray data = slices.getArray("data");
        assertEquals(3, data.length());
        assertEquals("Offer", data.getObject(1).getString("name"));
        assertEquals(12.5, data.getObject(1).getNumber("value"));

        JsonObject donut = option(Chart.Kind.DONUT, PHASES).getArray("series").getObject(0);
        assertEquals("pie", donut.getString("type"));
        assertEquals(List.of("40%", "65%"), strings(donut.getArray("radius")), "a hole in the middle");

        JsonObject funnel = option(Chart.Kind.FUNNEL, PHASES).getArray("series").getObject(0);
        assertEquals("funnel", funnel.getString("type"));
        assertEquals("none", funnel.getString("sort"), "the phases' order, not sorted by value");
        assertEquals("Lead", funnel.getArray("data").getObject(0).getString("name"));
    }

    @Test
    void piesDonutsAndFunnelsDrawTheFirstSeriesOnlyAndEverySeriesHasAValuePerCategory() {
        JsonArray series = option(Chart.Kind.PIE, MONTHS).getArray("series");
        assertEquals(1, series.length());
        assertEquals("Won", series.getObject(0).getString("name"));
        Chart bars = new Chart(Chart.Kind.STACKED_BAR, MONTHS);
        bars.setKind(Chart.Kind.DONUT);
        List<Integer> clicked = new ArrayList<>();
        bars.addPointClickListener(e -> clicked.add(e.getSeriesIndex()));
        assertFalse(bars.clicked(1, 0, true), "the second series is not drawn");
        assertTrue(bars.clicked(0, 0, true));
        assertEquals(List.of(0), clicked);
        assertThrows(IllegalArgumentException.class, () -> Chart.Data.of(List.of("Jan", "Feb"),
                Chart.Series.of("Won", List.of(1))), "a value per category");
    }

    @Test
    void aCategoryOrSeriesNamedLikeMarkupStaysAPlainStringAndTooltipsAreNeverHtml() {
        String markup = "<img src=x onerror=alert(1)>";
        String quoted = "Acme \"Ltd\" {b}|{c}";
        Chart.Data data = Chart.Data.of(List.of(markup, quoted), Chart.Series.of(markup, List.of(1, 2)));
        for (Chart.Kind kind : Chart.Kind.values()) {
            JsonObject option = Chart.option(kind, data, markup, markup, "");
            JsonObject parsed = Json.parse(option.toJson()); // as the browser receives it
            List<String> names = kind.hasAxes() ? strings(parsed.getObject("xAxis").getArray("data"))
                    : List.of(parsed.getArray("series").getObject(0).getArray("data").getObject(0).getString("name"),
                            parsed.getArray("series").getObject(0).getArray("data").getObject(1).getString("name"));
            assertEquals(List.of(markup, quoted), names, kind.name());
            assertEquals(markup, parsed.getArray("series").getObject(0).getString("name"));
            assertEquals(markup, parsed.getObject("title").getString("text"));
            assertEquals("richText", parsed.getObject("tooltip").getString("renderMode"), "no HTML tooltip");
            assertFalse(option.toJson().contains("formatter"), "no formatter: ECharts' own text only");
        }
    }

    @Test
    void missingAndNonFiniteValuesAreNoValueAndEmptyDataSaysSo() {
        List<Number> values = new ArrayList<>(Arrays.asList(1, null, Double.NaN, Double.POSITIVE_INFINITY));
        JsonObject option = option(Chart.Kind.LINE, Chart.Data.of(List.of("a", "b", "c", "d"),
                Chart.Series.of("x", values)));
        JsonArray data = option.getArray("series").getObject(0).getArray("data");
        assertEquals(JsonType.NUMBER, data.get(0).getType());
        for (int i = 1; i < 4; i++) {
            assertEquals(JsonType.NULL, data.get(i).getType(), "value " + i);
        }

        JsonObject empty = option(Chart.Kind.BAR, Chart.Data.empty());
        assertEquals("No data", empty.getObject("title").getString("subtext"));
        assertEquals(0, empty.getArray("series").length());
        assertFalse(option(Chart.Kind.BAR, MONTHS).hasKey("title"), "no title asked, none shown");
    }

    @Test
    void axisLabelsAndTitleGoIntoTheOptionTheElementGets() {
        Chart chart = new Chart(Chart.Kind.BAR, MONTHS);
        chart.setTitle(" Opportunities by month ");
        chart.setAxisLabels("Month", "Opportunities");
        JsonObject option = (JsonObject) chart.getElement().getPropertyRaw("option");
        assertEquals("Opportunities by month", option.getObject("title").getString("text"));
        assertEquals("Month", option.getObject("xAxis").getString("name"));
        assertEquals("Opportunities", option.getObject("yAxis").getString("name"));
        assertEquals("Opportunities by month", chart.getElement().getAttribute("aria-label"));
        assertEquals("tessera-chart", chart.getElement().getTag());

        chart.setKind(Chart.Kind.LINE);
        assertEquals("line", ((JsonObject) chart.getElement().getPropertyRaw("option")).getArray("series").getObject(0)
                .getString("type"));
    }

    @Test
    void aPointClickNamesTheCategoryAndSeriesFromTheChartsOwnDataAndIgnoresIndexesOutsideIt() {
        Chart chart = new Chart(Chart.Kind.STACKED_BAR, MONTHS);
        List<String> clicks = new ArrayList<>();
        chart.addPointClickListener(e -> clicks.add(e.getSeriesIndex() + ":" + e.getSeriesName() + "/"
                + e.getCategoryIndex() + ":" + e.getCategory() + "=" + e.getValue()));

        assertTrue(chart.clicked(1, 2, true));
        assertFalse(chart.clicked(2, 0, true), "no third series");
        assertFalse(chart.clicked(0, 3, true), "no fourth category");
        assertFalse(chart.clicked(-1, 0, true), "what the element sends for a click off the data");

        assertEquals(List.of("1:Lost/2:Mar=4"), clicks);
    }

    private static JsonObject option(Chart.Kind kind, Chart.Data data) {
        return Chart.option(kind, data, "", "", "");
    }

    private static List<String> strings(JsonArray array) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < array.length(); i++) {
            texts.add(array.getString(i));
        }
        return texts;
    }

    private static List<Double> numbers(JsonArray array) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < array.length(); i++) {
            values.add(array.getNumber(i));
        }
        return values;
    }
}
