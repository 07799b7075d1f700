package org.tesseracrm.kernel.ui.kit;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * A key figure: the figure in large type, what it is, an optional comparison (e.g. "+4 pts vs. last quarter", green
 * when good, red when bad) and an optional definition, shown under it and on hover (e.g. how NPS is computed, or
 * which field to fill when the data is missing). All text is set as text, never as HTML. It is a {@link Div}: a
 * click listener makes it a click-through.
 *
 * <p>Parts, by CSS class: {@code kpi-tile} (the tile), {@code kpi-figure}, {@code kpi-label}, {@code kpi-comparison}
 * (with {@code data-tone} {@code good}, {@code bad} or {@code neutral}), {@code kpi-definition}.
 *
 * @since kit 1.3
 */
public class KpiTile extends Div {
    private static final long serialVersionUID = 1L;

    /** Whether a comparison is good or bad news, which colours it. */
    public enum Tone {
        /** Neither: secondary text colour. */
        NEUTRAL,
        /** Good news: the success colour. */
        GOOD,
        /** Bad news: the error colour. */
        BAD
    }

    private final Span figure = new Span();
    private final Span label = new Span();
    private final Span comparison = new Span();
    private final Span definition = new Span();

    /**
     * @param label what the figure is, e.g. "Net Promoter Score"
     * @param figure the figure as users read it, e.g. "42" or "€ 1.2 M"; "—" where it cannot be computed
     */
    public KpiTile(String label, String figure) {
        addClassName("kpi-tile");
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("padding", "var(--lumo-space-m)").set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("background", "var(--lumo-base-color)")
                .set("min-width", "10em").set("box-sizing", "border-box");
        this.label.addClassName("kpi-label");
        this.label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        this.figure.addClassName("kpi-figure");
        this.figure.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600")
                .set("line-height", "var(--lumo-line-height-xs)").set("overflow-wrap", "anywhere");
        comparison.addClassName("kpi-comparison");
        comparison.getStyle().set("font-size", "var(--lumo-font-size-s)");
        definition.addClassName("kpi-definition");
        definition.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)")
                .set("white-space", "pre-line");
        add(this.label, this.figure, comparison, definition);
        setLabel(label);
        setFigure(figure);
        setComparison(null, Tone.NEUTRAL);
        setDefinition(null);
    }

    /** @param figure the figure as users read it; "—" where it cannot be computed */
    public void setFigure(String figure) {
        this.figure.setText(figure == null || figure.isBlank() ? "—" : figure);
    }

    /** @return the figure shown */
    public String getFigure() {
        return figure.getText();
    }

    /** @param label what the figure is */
    public void setLabel(String label) {
        this.label.setText(label == null ? "" : label);
    }

    /** @return what the figure is */
    public String getLabel() {
        return label.getText();
    }

    /**
     * @param text the comparison, e.g. "+4 pts vs. last quarter"; null or blank for none
     * @param tone whether it is good or bad news
     */
    public void setComparison(String text, Tone tone) {
        boolean shown = text != null && !text.isBlank();
        Tone how = tone == null ? Tone.NEUTRAL : tone;
        comparison.setText(shown ? text : "");
        comparison.setVisible(shown);
        comparison.getElement().setAttribute("data-tone", how.name().toLowerCase(java.util.Locale.ROOT));
        comparison.getStyle().set("color", switch (how) {
            case GOOD -> "var(--lumo-success-text-color)";
            case BAD -> "var(--lumo-error-text-color)";
            case NEUTRAL -> "var(--lumo-secondary-text-color)";
        });
    }

    /** @return the comparison shown; blank for none */
    public String getComparison() {
        return comparison.getText();
    }

    /**
     * @param text how the figure is defined or computed, or which field to fill for it, shown under the figure and
     *     as the tile's tooltip; null or blank for none
     */
    public void setDefinition(String text) {
        boolean shown = text != null && !text.isBlank();
        definition.setText(shown ? text : "");
        definition.setVisible(shown);
        if (shown) {
            getElement().setAttribute("title", text);
        } else {
            getElement().removeAttribute("title");
        }
    }

    /** @return the definition shown; blank for none */
    public String getDefinition() {
        return definition.getText();
    }
}
