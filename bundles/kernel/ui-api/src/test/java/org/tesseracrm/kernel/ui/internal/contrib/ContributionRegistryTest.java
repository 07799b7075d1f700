package org.tesseracrm.kernel.ui.internal.contrib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RowDecoration;
import org.tesseracrm.kernel.api.ui.HeaderItem;
import org.tesseracrm.kernel.api.ui.RecordPanel;

class ContributionRegistryTest {
    private final RecordingGuard guard = new RecordingGuard();

    @Test
    void panelsComeInTheirOrderForTheirTypeAndReadersKeepTheirSnapshot() {
        PanelRegistry panels = new PanelRegistry(guard);
        RecordPanel notes = panel("notes");
        RecordPanel everywhere = panel("everywhere");
        panels.addPanel(notes, Map.of(RecordType.ID, "contact", RecordPanel.ORDER, 20));
        List<RecordPanel> before = panels.forType("contact");
        panels.addPanel(everywhere, Map.of(RecordType.ID, RecordType.ALL, RecordPanel.ORDER, "5"));
        panels.addPanel(panel("companies"), Map.of(RecordType.ID, "company", RecordPanel.ORDER, "x"));
        assertEquals(List.of("notes"), texts(before));
        assertEquals(List.of("everywhere", "notes"), texts(panels.forType("contact")));
        assertEquals(List.of("everywhere", "companies"), texts(panels.forType("company")));
        panels.removePanel(notes);
        assertEquals(List.of("everywhere"), texts(panels.forType("contact")));
    }

    @Test
    void aPanelThatFailsIsLeftOutAndTheOthersShow() {
        PanelRegistry panels = new PanelRegistry(guard);
        panels.addPanel((type, id, title) -> {
            throw new IllegalStateException("broken");
        }, Map.of(RecordType.ID, RecordType.ALL));
        panels.addPanel(panel("notes"), Map.of(RecordType.ID, RecordType.ALL));
        assertEquals(List.of("notes"), texts(panels.forType("contact")));
        assertEquals(List.of("create"), guard.failed);
    }

    @Test
    void listenersHearEveryChangeUntilRemoved() {
        HeaderItemRegistry items = new HeaderItemRegistry(guard);
        List<Integer> sizes = new ArrayList<>();
        items.addListener(() -> {
            throw new IllegalStateException("a broken listener");
        });
        Registration registration = items.addListener(() -> sizes.add(items.all().size()));
        HeaderItem bell = () -> Optional.of(new Span("bell"));
        items.addItem(bell, Map.of());
        items.removeItem(bell);
        items.removeItem(bell); // gone already: no change
        registration.remove();
        items.addItem(bell, Map.of());
        assertEquals(List.of(1, 0), sizes);
        assertEquals(List.of("changed", "changed", "changed"), guard.failed);
    }

    @Test
    void aBulkActionWhoseMetadataFailsNeverShowsAndOneWhoseRunFailsIsRefused() {
        BulkActionRegistry actions = new BulkActionRegistry(guard);
        actions.addAction(new Action("broken.permission") {
            @Override
            public String permission() {
                throw new IllegalStateException("broken");
            }
        }, Map.of(RecordType.ID, RecordType.ALL));
        actions.addAction(new Action("broken.run") {
            @Override
            public String run(String recordType, List<Long> ids, Map<String, String> values) {
                throw new IllegalStateException("broken");
            }
        }, Map.of(RecordType.ID, RecordType.ALL));
        actions.addAction(new Action("tag"), Map.of(RecordType.ID, "contact"));
        List<BulkAction> shown = actions.forType("contact");
        assertEquals(List.of("broken.run", "tag"), shown.stream().map(BulkAction::id).toList());
        assertThrows(CrmException.class, () -> shown.get(0).run("contact", List.of(1L), Map.of()));
        assertEquals("1 done", shown.get(1).run("contact", List.of(1L), Map.of()));
        assertEquals(List.of("permission", "run"), guard.failed);
    }

    @Test
    void aDecorationRunsWithATimeoutAndOneThatFailsGivesNoMarks() {
        DecorationRegistry decorations = new DecorationRegistry(guard);
        decorations.addDecoration(new RowDecoration() {
            @Override
            public Map<Long, Mark> decorate(String recordType, List<RecordRow> page) {
                throw new IllegalStateException("broken");
            }
        }, Map.of(RecordType.ID, RecordType.ALL));
        RowDecoration.Mark flag = new RowDecoration.Mark("Due", "error", "");
        decorations.addDecoration(new RowDecoration() {
            @Override
            public Optional<Mark> decorate(RecordRow row) {
                return Optional.of(flag);
            }
        }, Map.of(RecordType.ID, RecordType.ALL));
        List<RecordRow> page = List.of(new RecordRow(7, 0, Map.of()));
        List<Map<Long, RowDecoration.Mark>> marks = decorations.forType("contact").stream()
                .map(d -> d.decorate("contact", page)).toList();
        assertEquals(List.of(Map.of(), Map.of(7L, flag)), marks);
        assertEquals(List.of("!decorate"), guard.failed, "called through the guard's pool, only the broken one failed");
    }

    private static RecordPanel panel(String text) {
        return (type, id, title) -> Optional.of(new Span(text));
    }

    private static List<String> texts(List<RecordPanel> panels) {
        return panels.stream().flatMap(p -> p.create("contact", 1, "Ada").stream()).map(Component::getElement)
                .map(e -> e.getText()).toList(); // as the form shows them: a panel that failed gives none
    }

    private static class Action implements BulkAction {
        private final String id;

        Action(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String label() {
            return id;
        }

        @Override
        public String permission() {
            return "contacts.edit";
        }

        @Override
        public String run(String recordType, List<Long> ids, Map<String, String> values) {
            return ids.size() + " done";
        }
    }
}
