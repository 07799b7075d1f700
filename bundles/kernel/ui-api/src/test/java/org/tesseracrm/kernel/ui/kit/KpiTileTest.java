package org.tesseracrm.kernel.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.html.Span;

import org.junit.jupiter.api.Test;

/** A KPI tile's figure, label, comparison and definition, all text. */
class KpiTileTest {
    @Test
    void theFigureLabelComparisonAndDefinitionAreShownAsTextWithTheDefinitionOnHover() {
        KpiTile tile = new KpiTile("Net Promoter Score", "42");
        tile.setComparison("+4 pts vs. last quarter", KpiTile.Tone.GOOD);
        tile.setDefinition("% promoters (9–10) − % detractors (0–6)");

        assertEquals("42", tile.getFigure());
        assertEquals("Net Promoter Score", tile.getLabel());
        assertEquals("+4 pts vs. last quarter", tile.getComparison());
        assertEquals("% promoters (9–10) − % detractors (0–6)", tile.getDefinition());
        assertEquals("% promoters (9–10) − % detractors (0–6)", tile.getElement().getAttribute("title"));
        assertEquals("good", part(tile, "kpi-comparison").getElement().getAttribute("data-tone"));
        assertTrue(part(tile, "kpi-comparison").isVisible());
        assertTrue(tile.hasClassName("kpi-tile"));
    }

    @Test
    void markupIsTextAndNothingGivenShowsNothingButADash() {
        String markup = "<img src=x onerror=alert(1)>";
        KpiTile tile = new KpiTile(markup, null);
        tile.setDefinition(markup);

        assertEquals(markup, part(tile, "kpi-label").getElement().getText(), "set as a text node");
        assertFalse(part(tile, "kpi-label").getElement().hasProperty("innerHTML"));
        assertEquals("—", tile.getFigure(), "no figure");
        assertFalse(part(tile, "kpi-comparison").isVisible(), "no comparison");

        tile.setComparison("", KpiTile.Tone.BAD);
        assertFalse(part(tile, "kpi-comparison").isVisible());
        tile.setDefinition(" ");
        assertFalse(part(tile, "kpi-definition").isVisible());
        assertFalse(tile.getElement().hasAttribute("title"));
    }

    private static Span part(KpiTile tile, String className) {
        return tile.getChildren().filter(c -> c.getElement().getClassList().contains(className)).map(Span.class::cast).findFirst().orElseThrow();
    }
}
