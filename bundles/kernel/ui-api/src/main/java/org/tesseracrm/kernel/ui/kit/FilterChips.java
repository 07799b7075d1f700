package org.tesseracrm.kernel.ui.kit;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;

import org.tesseracrm.kernel.api.record.Filter;

/**
 * The filters of a list or a board, shown as removable chips: a badge with the filter's description and a button that
 * takes it away. The list and the board read the filters from here.
 */
final class FilterChips extends FlexLayout {
    private static final long serialVersionUID = 1L;

    private final List<Filter> filters = new ArrayList<>();
    private final String chipClass;
    private final transient Runnable changed;

    /**
     * @param chipClass the CSS class of each chip, e.g. {@code contacts-filter-chip}
     * @param changed run after the user removed a filter
     */
    FilterChips(String chipClass, Runnable changed) {
        this.chipClass = chipClass;
        this.changed = changed;
        setFlexWrap(FlexWrap.WRAP);
        getStyle().set("gap", "var(--lumo-space-s)");
    }

    /** @return the filters, in the order they were added */
    List<Filter> filters() {
        return List.copyOf(filters);
    }

    /** @return the filters and one more, to check before adding it */
    List<Filter> with(Filter filter) {
        List<Filter> candidate = new ArrayList<>(filters);
        candidate.add(filter);
        return candidate;
    }

    /** Takes every filter away, without telling. */
    void clear() {
        filters.clear();
        removeAll();
    }

    /** Adds a filter and its chip, without telling. */
    void add(Filter filter, String description) {
        filters.add(filter);
        Button remove = new Button(new Icon(VaadinIcon.CLOSE_SMALL));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        remove.getElement().setAttribute("aria-label", "Remove filter " + description);
        Span chip = new Span(new Span(description), remove);
        chip.getElement().getThemeList().add("badge contrast pill");
        chip.addClassName(chipClass);
        remove.addClickListener(e -> {
            filters.remove(filter);
            remove(chip);
            changed.run();
        });
        add(chip);
    }
}
