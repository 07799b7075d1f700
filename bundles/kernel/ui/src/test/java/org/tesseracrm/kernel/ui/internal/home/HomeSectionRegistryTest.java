package org.tesseracrm.kernel.ui.internal.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.module.DegradedContribution;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.ui.HomeSection;

class HomeSectionRegistryTest {
    private final HomeSectionRegistry registry = new HomeSectionRegistry(new Guard());

    @Test
    void showsThePermittedSectionsInTheirOrderAndAFailingOneAsFailed() {
        registry.addSection(section("Recent records", () -> Optional.of(new Span("recent"))), Map.of(HomeSection.ORDER, 90));
        registry.addSection(section("My activities", () -> Optional.of(new Span("due"))),
                Map.of(HomeSection.ORDER, 10, HomeSection.PERMISSION, "activities.view"));
        registry.addSection(section("Broken", () -> {
            throw new IllegalStateException("bug");
        }), Map.of(HomeSection.ORDER, 20));
        registry.addSection(section("Nothing for you", Optional::empty), Map.of(HomeSection.ORDER, 30));
        registry.addSection(section("Dashboard", () -> Optional.of(new Span("chart"))),
                Map.of(HomeSection.ORDER, 50, HomeSection.PERMISSION, "reports.view"));

        List<HomeSectionRegistry.Created> shown = registry.create(Set.of("activities.view")::contains);

        assertEquals(List.of("My activities", "Broken", "Recent records"),
                shown.stream().map(HomeSectionRegistry.Created::title).toList());
        assertFalse(shown.get(0).failed());
        assertTrue(shown.get(1).failed(), "the failing section is there, marked failed");
        assertTrue(shown.get(1).component().isEmpty());
        assertEquals("due", ((Span) shown.get(0).component().orElseThrow()).getText());
    }

    @Test
    void aRemovedSectionIsGone() {
        HomeSection recent = section("Recent records", () -> Optional.of(new Span("recent")));
        registry.addSection(recent, Map.of());
        registry.removeSection(recent);
        assertEquals(List.of(), registry.create(p -> true));
    }

    private static HomeSection section(String title, Supplier<Optional<Component>> create) {
        return new HomeSection() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public Optional<Component> create() {
                return create.get();
            }
        };
    }

    /** Isolates as the kernel's guard does. */
    private static final class Guard implements SafeCaller {
        @Override
        public <T> Optional<T> call(Object contribution, String operation, Supplier<T> call) {
            try {
                return Optional.ofNullable(call.get());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        @Override
        public <T> Optional<T> callWithTimeout(Object contribution, String operation, Supplier<T> call) {
            return call(contribution, operation, call);
        }

        @Override
        public <T> T require(Object contribution, String operation, Supplier<T> call) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                throw new CrmException("refused");
            }
        }

        @Override
        public List<DegradedContribution> degraded() {
            return List.of();
        }
    }
}
