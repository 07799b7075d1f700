package org.tesseracrm.kernel.ui.kit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.shared.Registration;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;

/**
 * A chart of categories and named series of numbers, drawn in the browser by Apache ECharts (the
 * {@code <tessera-chart>} web component of the UI bundle, with the theme's palette): bars, stacked bars, lines,
 * pies, donuts and funnels. Every label is drawn as SVG text, never as HTML, so a category or series name is
 * shown as it is written.
 *
 * <pre>
 * Chart chart = new Chart(Chart.Kind.STACKED_BAR, Chart.Data.of(List.of("Jan", "Feb"),
 *         Chart.Series.of("Won", List.of(3, 5)), Chart.Series.of("Lost", List.of(1, 2))));
 * chart.setTitle("Opportunities by month");
 * chart.setAxisLabels("Month", "Opportunities");
 * chart.addPointClickListener(e -&gt; kit.recordsDialog("opportunity", e.getCategory(), filtersOf(e)).open());
 * </pre>
 *
 * <p>Click-through: a click on a bar, point or slice fires a {@link PointClickEvent} naming the category and series
 * from this chart's own data (the browser sends only the indexes). In the page, the element dispatches
 * {@code chart-click} with {@code detail = {seriesIndex, dataIndex, name, seriesName}}; its method
 * {@code clickPoint(seriesIndex, dataIndex)} dispatches the same event without a mouse, for browser tests.
 *
 * <p>The chart is 320 px high and as wide as its container unless sized ({@link HasSize}); it redraws when its
 * container changes size.
 *
 * @since kit 1.3
 */
@Tag("tessera-chart")
public class Chart extends Component implements HasSize {
    private static final long serialVersionUID = 1L;
    private static final String CLICK = "chart-click";
    private static final String SERIES_INDEX = "event.detail.seriesIndex";
    private static final String DATA_INDEX = "event.detail.dataIndex";

    /** How the data is drawn. */
    public enum Kind {
        /** Bars side by side, one colour per series. */
        BAR,
        /** Bars of all series stacked per category. */
        STACKED_BAR,
        /** One line per series. */
        LINE,
        /** A pie of the first series, a slice per category. */
        PIE,
        /** A pie with a hole, of the first series. */
        DONUT,
        /** A funnel of the first series, a stage per category in the order of the categories (not sorted). */
        FUNNEL;

        /** @return whether the categories lie on an axis (bars, lines); pies and funnels draw the first series only */
        public boolean hasAxes() {
            return this == BAR || this == STACKED_BAR || this == LINE;
        }
    }

    /**
     * One named series: a number per category, or null where there is none.
     *
     * @param name what the legend and tooltip call it
     * @param values a value per category, in the categories' order; null for no value
     */
    public record Series(String name, List<Number> values) {
        /** Checks the name is there and keeps an unchangeable copy of the values (nulls allowed). */
        public Series {
            Objects.requireNonNull(name, "name");
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        /**
         * @param name what the legend and tooltip call it
         * @param values a value per category; null for no value
         * @return the series
         */
        public static Series of(String name, List<? extends Number> values) {
            return new Series(name, new ArrayList<>(values));
        }
    }

    /**
     * What a chart shows: the categories (axis labels, slices or funnel stages) and one or more series with a value per
     * category.
     *
     * @param categories the categories' labels, in order
     * @param series the series, each with as many values as there are categories
     */
    public record Data(List<String> categories, List<Series> series) {
        /** Checks every series has a value per category. */
        public Data {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            for (Series one : series) {
                if (one.values().size() != categories.size()) {
                    throw new IllegalArgumentException("Series " + one.name() + " has " + one.values().size()
                            + " values for " + categories.size() + " categories");
                }
            }
        }

        /**
         * @param categories the categories' labels, in order
         * @param series the series
         * @return the data
         */
        public static Data of(List<String> categories, Series... series) {
            return new Data(categories, List.of(series));
        }

        /** @return no categories and no series: the chart says "No data" */
        public static Data empty() {
            return new Data(List.of(), List.of());
        }

        /** @return whether there is nothing to draw */
        public boolean isEmpty() {
            return categories.isEmpty() || series.isEmpty();
        }
    }

    /** A click on a bar, point or slice, named from the chart's data. */
    public static class PointClickEvent extends ComponentEvent<Chart> {
        private static final long serialVersionUID = 1L;
        private final int categoryIndex;
        private final int seriesIndex;

        /**
         * @param source the chart
         * @param fromClient whether the user clicked (false for a click from server code)
         * @param seriesIndex the series clicked, from 0
         * @param categoryIndex the category clicked, from 0
         */
        public PointClickEvent(Chart source, boolean fromClient, int seriesIndex, int categoryIndex) {
            super(source, fromClient);
            this.seriesIndex = seriesIndex;
            this.categoryIndex = categoryIndex;
        }

        /** @return the index of the category (bar, line point, slice, funnel stage), from 0 */
        public int getCategoryIndex() {
            return categoryIndex;
        }

        /** @return the category's label, as in the data */
        public String getCategory() {
            return getSource().getData().categories().get(categoryIndex);
        }

        /** @return the index of the series, from 0 (always 0 for pies, donuts and funnels: they draw the first) */
        public int getSeriesIndex() {
            return seriesIndex;
        }

        /** @return the series' name, as in the data */
        public String getSeriesName() {
            return getSource().getData().series().get(seriesIndex).name();
        }

        /** @return the value clicked; null where the series has none */
        public Number getValue() {
            return getSource().getData().series().get(seriesIndex).values().get(categoryIndex);
        }
    }

    private Kind kind;
    private Data data = Data.empty();
    private String title = "";
    private String categoryAxis = "";
    private String valueAxis = "";
    private boolean listening;

    /** @param kind how the data is drawn */
    public Chart(Kind kind) {
        this(kind, Data.empty());
    }

    /**
     * @param kind how the data is drawn
     * @param data what is drawn (a pie, donut or funnel draws its first series only)
     */
    public Chart(Kind kind, Data data) {
        this.kind = Objects.requireNonNull(kind, "kind");
        setData(data);
    }

    /** @return how the data is drawn */
    public Kind getKind() {
        return kind;
    }

    /** @param kind how the data is drawn from now on */
    public void setKind(Kind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
        update();
    }

    /** @return what is drawn */
    public Data getData() {
        return data;
    }

    /** @param data what is drawn from now on (a pie, donut or funnel draws its first series only) */
    public void setData(Data data) {
        this.data = Objects.requireNonNull(data, "data");
        update();
    }

    /** @param title shown above the chart, and the chart's accessible name; blank for none */
    public void setTitle(String title) {
        this.title = title == null ? "" : title.strip();
        if (this.title.isEmpty()) {
            getElement().removeAttribute("aria-label");
        } else {
            getElement().setAttribute("aria-label", this.title);
        }
        update();
    }

    /** @return the title; blank for none */
    public String getTitle() {
        return title;
    }

    /**
     * @param categories the name of the category axis (bars, lines), e.g. "Month"; blank for none
     * @param values the name of the value axis, e.g. "Amount (EUR)"; blank for none
     */
    public void setAxisLabels(String categories, String values) {
        this.categoryAxis = categories == null ? "" : categories.strip();
        this.valueAxis = values == null ? "" : values.strip();
        update();
    }

    /**
     * Listens to clicks on bars, points and slices, for click-through to the matching records.
     *
     * @param listener told the category and series clicked
     * @return removes the listener
     */
    public Registration addPointClickListener(ComponentEventListener<PointClickEvent> listener) {
        if (!listening) {
            listening = true;
            getElement().addEventListener(CLICK, e -> clicked(index(e.getEventData(), SERIES_INDEX),
                    index(e.getEventData(), DATA_INDEX), true)).addEventData(SERIES_INDEX).addEventData(DATA_INDEX);
        }
        return addListener(PointClickEvent.class, listener);
    }

    /**
     * Fires a point click for indexes the browser sent; indexes outside the data are ignored.
     *
     * @return whether an event was fired
     */
    boolean clicked(int seriesIndex, int categoryIndex, boolean fromClient) {
        int drawn = kind.hasAxes() ? data.series().size() : Math.min(1, data.series().size());
        if (seriesIndex < 0 || seriesIndex >= drawn || categoryIndex < 0
                || categoryIndex >= data.categories().size()) {
            return false;
        }
        fireEvent(new PointClickEvent(this, fromClient, seriesIndex, categoryIndex));
        return true;
    }

    private static int index(JsonObject eventData, String key) {
        if (eventData == null || !eventData.hasKey(key) || eventData.get(key).getType() != JsonType.NUMBER) {
            return -1;
        }
        double value = eventData.getNumber(key);
        return value == Math.rint(value) && value >= 0 && value <= Integer.MAX_VALUE ? (int) value : -1;
    }

    private void update() {
        getElement().setPropertyJson("option", option(kind, data, title, categoryAxis, valueAxis));
    }

    /**
     * The ECharts option for the component, built as JSON values (text stays text: no markup, no formatter from data).
     *
     * @param kind how the data is drawn
     * @param data what is drawn
     * @param title the title; blank for none
     * @param categoryAxis the category axis' name; blank for none
     * @param valueAxis the value axis' name; blank for none
     * @return the option
     */
    static JsonObject option(Kind kind, Data data, String title, String categoryAxis, String valueAxis) {
        JsonObject option = Json.createObject();
        boolean titled = !title.isEmpty();
        if (titled || data.isEmpty()) {
            JsonObject heading = Json.createObject();
            heading.put("text", title);
            if (data.isEmpty()) {
                heading.put("subtext", "No data");
            }
            heading.put("left", "center");
            option.put("title", heading);
        }
        JsonObject tooltip = Json.createObject();
        tooltip.put("trigger", kind.hasAxes() ? "axis" : "item");
        tooltip.put("renderMode", "richText"); // drawn in the chart as text: never an HTML element
        tooltip.put("confine", true);
        option.put("tooltip", tooltip);
        boolean legend = kind.hasAxes() ? data.series().size() > 1 : !data.isEmpty();
        if (legend) {
            JsonObject legendOption = Json.createObject();
            legendOption.put("type", "scroll");
            legendOption.put("bottom", 0);
            option.put("legend", legendOption);
        }
        int top = titled ? 48 : 16;
        int bottom = legend ? 40 : 8;
        JsonArray series = Json.createArray();
        if (kind.hasAxes()) {
            JsonObject grid = Json.createObject();
            grid.put("top", top + (valueAxis.isEmpty() ? 0 : 16));
            grid.put("bottom", bottom);
            grid.put("left", 8);
            grid.put("right", 16);
            option.put("grid", grid);
            JsonObject x = axis("category", categoryAxis);
            x.put("data", strings(data.categories()));
            JsonObject labels = Json.createObject();
            labels.put("hideOverlap", true);
            x.put("axisLabel", labels);
            option.put("xAxis", x);
            option.put("yAxis", axis("value", valueAxis));
            for (Series one : data.series()) {
                JsonObject item = Json.createObject();
                item.put("type", kind == Kind.LINE ? "line" : "bar");
                item.put("name", one.name());
                if (kind == Kind.STACKED_BAR) {
                    item.put("stack", "total");
                }
                JsonArray values = Json.createArray();
                one.values().forEach(v -> values.set(values.length(), number(v)));
                item.put("data", values);
                series.set(series.length(), item);
            }
        } else if (!data.series().isEmpty()) {
            Series one = data.series().get(0);
            JsonObject item = Json.createObject();
            item.put("type", kind == Kind.FUNNEL ? "funnel" : "pie");
            item.put("name", one.name());
            if (kind == Kind.FUNNEL) {
                item.put("sort", "none"); // the categories' order, e.g. a pipeline's phases
                item.put("top", top);
                item.put("bottom", bottom);
                item.put("left", "10%");
                item.put("width", "80%");
            } else {
                JsonArray radius = Json.createArray();
                if (kind == Kind.DONUT) {
                    radius.set(0, "40%");
                    radius.set(1, "65%");
                    item.put("radius", radius);
                } else {
                    item.put("radius", "65%");
                }
            }
            JsonArray values = Json.createArray();
            for (int i = 0; i < data.categories().size(); i++) {
                JsonObject slice = Json.createObject();
                slice.put("name", data.categories().get(i));
                slice.put("value", number(one.values().get(i)));
                values.set(i, slice);
            }
            item.put("data", values);
            series.set(0, item);
        }
        option.put("series", series);
        return option;
    }

    private static JsonObject axis(String type, String name) {
        JsonObject axis = Json.createObject();
        axis.put("type", type);
        if (!name.isEmpty()) {
            axis.put("name", name);
        }
        return axis;
    }

    private static JsonArray strings(List<String> texts) {
        JsonArray array = Json.createArray();
        texts.forEach(text -> array.set(array.length(), text == null ? "" : text));
        return array;
    }

    /** A number as JSON; null (no value) for null, NaN and the infinities, which JSON cannot hold. */
    private static JsonValue number(Number value) {
        if (value == null || !Double.isFinite(value.doubleValue())) {
            return Json.createNull();
        }
        return Json.create(value.doubleValue());
    }
}
