package org.tesseracrm.kernel.ui.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;

import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSearch;
import org.tesseracrm.kernel.api.record.SearchGroup;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/**
 * The top bar's search box: as the user types, it offers the records of every type they may see whose
 * search fields start with the text, grouped under each type's label. The combo box gives the keyboard
 * handling: arrow keys move through the records, Enter opens the highlighted one, Escape closes the list.
 * The chosen record opens in its form over the current page, as a list opens it, and the box empties.
 */
final class GlobalSearch extends ComboBox<GlobalSearch.Hit> {
    private static final long serialVersionUID = 1L;
    /** Fewer characters than this find nothing: a single letter matches too much to be useful. */
    static final int MIN_LENGTH = 2;
    /** Records shown per record type. */
    static final int PER_TYPE = 5;
    /** How long the last answer is reused for the same text. */
    private static final long KEPT_NANOS = 3_000_000_000L;

    private final transient RecordSearch search;
    private String lastText = "";
    private long lastAt;
    private List<Hit> lastHits = List.of();

    /**
     * A record offered, with the heading of its group when it is the group's first.
     *
     * @param ref the record
     * @param heading the group's heading, or empty for all records but a group's first
     */
    record Hit(RecordRef ref, String heading) {
    }

    GlobalSearch(RecordSearch search, RecordKit kit) {
        this.search = search;
        setId("tessera-search");
        setPlaceholder("Search");
        setPrefixComponent(VaadinIcon.SEARCH.create());
        setClearButtonVisible(true);
        setWidth("16em");
        getElement().setAttribute("aria-label", "Search all records");
        setItemLabelGenerator(hit -> hit.ref().title());
        setRenderer(LitRenderer.<Hit>of("<div class=\"tessera-search-hit\">"
                + "<div ?hidden=${!item.heading} class=\"tessera-search-group\" style=\"font-size: var(--lumo-font-size-xs);"
                + " font-weight: 600; color: var(--lumo-secondary-text-color); text-transform: uppercase;\">"
                + "${item.heading}</div><div class=\"tessera-search-title\">${item.title}</div></div>")
                .withProperty("heading", Hit::heading).withProperty("title", hit -> hit.ref().title()));
        setItems(query -> hits(query.getFilter().orElse("")).stream().skip(query.getOffset()).limit(query.getLimit()));
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                RecordRef ref = e.getValue().ref();
                clear();
                kit.form(ref.recordType(), ref.recordType(), new RecordRow(ref.id(), 0, Map.of()), () -> { }).open();
            }
        });
    }

    /**
     * @return the records offered for the text; the combo box asks more than once per text, so the answer
     *     is kept for a few seconds (not longer: a later search of the same text should see new records)
     */
    private List<Hit> hits(String text) {
        String searched = text.strip();
        if (searched.length() < MIN_LENGTH) {
            return List.of();
        }
        long now = System.nanoTime();
        if (!searched.equals(lastText) || now - lastAt > KEPT_NANOS) {
            lastHits = hits(search.search(searched, PER_TYPE));
            lastText = searched;
            lastAt = now;
        }
        return lastHits;
    }

    /** @return the groups' records in order, each group's first carrying its heading */
    static List<Hit> hits(List<SearchGroup> groups) {
        List<Hit> hits = new ArrayList<>();
        for (SearchGroup group : groups) {
            String heading = group.more() ? group.label() + " (first " + group.records().size() + ")" : group.label();
            boolean first = true;
            for (RecordRef ref : group.records()) {
                hits.add(new Hit(ref, first ? heading : ""));
                first = false;
            }
        }
        return List.copyOf(hits);
    }
}
