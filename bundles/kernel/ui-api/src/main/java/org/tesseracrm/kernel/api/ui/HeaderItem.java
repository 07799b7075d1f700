package org.tesseracrm.kernel.api.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something a module shows in the top bar of every signed-in page, such as a bell with the count of
 * unread reminders. The shell adds one instance to each open session when the service appears and
 * removes it when it goes, so a module that shows live data (through server push) starts and stops
 * listening in the component's attach and detach.
 */
@ConsumerType
public interface HeaderItem {
    /** Service property: an integer placing the item among the others; lower comes first. */
    String ORDER = "crm.header.order";

    /**
     * @return a new component for one session's top bar, or empty to show nothing to the signed-in
     *     user; called on the UI thread of that session with the user signed in
     */
    Optional<Component> create();
}
