package org.tesseracrm.kernel.ui.internal.vaadin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.internal.contrib.HeaderItemRegistry;
import org.tesseracrm.kernel.ui.internal.contrib.RecordingGuard;

class ViewRegistryTest {

    private final RecordingGuard guard = new RecordingGuard();
    private final ViewRegistry registry = new ViewRegistry(guard, new HeaderItemRegistry(guard));

    @Test
    void ordersTheMenuByGroupOrderAndTitleAndHidesUntitledViews() {
        registry.bindContribution(view(Div.class), props("leads", "Leads", "Sales", 20));
        registry.bindContribution(view(Span.class), props("contacts", "Contacts", "Sales", 10));
        registry.bindContribution(view(Component.class), props("contacts/merge", "", "Sales", 1));
        assertEquals(List.of("contacts", "leads"), registry.menu().stream().map(MenuEntry::route).toList());
    }

    @Test
    void aViewWaitingForATakenRouteTakesOverWhenTheOwnerGoes() {
        ViewContribution first = view(Div.class);
        ViewContribution second = view(Span.class);
        List<List<MenuEntry>> changes = new ArrayList<>();
        registry.addMenuListener(changes::add);

        registry.bindContribution(first, props("contacts", "Contacts", "", 10));
        registry.bindContribution(second, props("contacts", "People", "", 10));
        assertEquals(List.of("Contacts"), registry.menu().stream().map(MenuEntry::title).toList());
        assertSame(first, registry.contributionFor(Div.class).orElseThrow());
        assertTrue(registry.contributionFor(Span.class).isEmpty());

        registry.unbindContribution(first);
        assertEquals(List.of("People"), registry.menu().stream().map(MenuEntry::title).toList());
        assertSame(second, registry.contributionFor(Span.class).orElseThrow());

        registry.unbindContribution(second);
        assertTrue(registry.menu().isEmpty());
        assertEquals(3, changes.size(), "one menu change per visible change");
    }

    @Test
    void aFailingContributionIsSkippedAndTheOthersStay() {
        registry.bindContribution(new ViewContribution() {
            @Override
            public Class<? extends Component> viewType() {
                throw new IllegalStateException("broken module");
            }

            @Override
            public Component createView() {
                throw new IllegalStateException("broken module");
            }
        }, props("broken", "Broken", "", 1));
        registry.bindContribution(view(Div.class), props("contacts", "Contacts", "", 10));
        assertEquals(List.of("contacts"), registry.menu().stream().map(MenuEntry::route).toList());
        assertEquals(List.of("viewType"), guard.failed, "the failure went through the guard");
    }

    private static ViewContribution view(Class<? extends Component> type) {
        return new ViewContribution() {
            @Override
            public Class<? extends Component> viewType() {
                return type;
            }

            @Override
            public Component createView() {
                throw new UnsupportedOperationException("not needed here");
            }
        };
    }

    private static Map<String, Object> props(String route, String title, String group, int order) {
        return Map.of(ViewContribution.ROUTE, route, ViewContribution.TITLE, title, ViewContribution.GROUP, group,
                ViewContribution.ORDER, order);
    }
}
