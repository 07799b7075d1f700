package org.tesseracrm.kernel.ui.internal.search;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordSearch;
import org.tesseracrm.kernel.api.ui.HeaderItem;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/** Puts the global search first into the top bar of every signed-in page. */
@org.osgi.service.component.annotations.Component(service = HeaderItem.class, property = HeaderItem.ORDER + ":Integer=0")
public class GlobalSearchItem implements HeaderItem {
    private final RecordSearch search;
    private final RecordKit kit;

    /**
     * @param search finds the records
     * @param kit opens the chosen record's form
     */
    @Activate
    public GlobalSearchItem(@Reference RecordSearch search, @Reference RecordKit kit) {
        this.search = search;
        this.kit = kit;
    }

    @Override
    public Optional<Component> create() {
        return Optional.of(new GlobalSearch(search, kit));
    }
}
