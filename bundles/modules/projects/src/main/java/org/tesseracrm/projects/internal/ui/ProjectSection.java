package org.tesseracrm.projects.internal.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.tesseracrm.kernel.api.CrmException;

/**
 * A section of the project form that lists what the projects service gives and changes it: each change is shown as
 * a message, what the service refuses too, and the section is read again after a change.
 */
abstract class ProjectSection extends Details {
    private static final long serialVersionUID = 1L;

    /** The section's rows, filled by {@link #fill}. */
    protected final VerticalLayout content = new VerticalLayout();

    /**
     * @param id the element id
     * @param summary the section's title
     */
    protected ProjectSection(String id, String summary) {
        setId(id);
        setSummaryText(summary);
        setOpened(true);
        setWidthFull();
        content.setPadding(false);
        content.setSpacing(false);
        add(content);
    }

    /** Reads the section again. */
    protected final void refresh() {
        content.removeAll();
        fill();
    }

    /** Adds the rows to {@link #content}, through the service (which may refuse). */
    protected abstract void fill();

    /**
     * @param change a change through the service
     * @param done what to tell the user once it is made
     */
    protected final void act(Runnable change, String done) {
        try {
            change.run();
            Notices.success(done);
            refresh();
        } catch (CrmException e) {
            Notices.error(e.getMessage());
        }
    }
}
