package org.tesseracrm.kernel.api.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A section a module adds to the form of saved records of another (or its own) record type, registered
 * as a service with property {@code crm.record.type} naming the record type, or {@code *} for every
 * type. The activities module adds its activities panel to every form this way. Forms opened after the
 * service appears show the panel; once it goes, new forms no longer do, and the other modules never
 * knew it was there.
 *
 * <p>{@link #create} is called on the UI thread of the user's session, with the user signed in. The
 * panel reads and writes through the contributing module's services, which check permissions
 * themselves; a panel the user may not see returns empty.
 */
@ConsumerType
public interface RecordPanel {
    /** Service property: an integer placing the panel among the others; lower comes first. */
    String ORDER = "crm.panel.order";

    /**
     * @param recordType the record type id of the form, e.g. {@code contact}
     * @param recordId the record the form shows
     * @param title what names the record to users, e.g. "Ada Lovelace"
     * @return the panel (a {@code Details} section reads best), or empty if the signed-in user may not
     *     see it
     */
    Optional<Component> create(String recordType, long recordId, String title);
}
