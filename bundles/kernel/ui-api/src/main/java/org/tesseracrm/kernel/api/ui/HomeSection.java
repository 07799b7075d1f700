package org.tesseracrm.kernel.api.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A section of the Home page, the signed-in user's day: a module registers it as a service, and the shell
 * shows every section the user may see in {@link #ORDER}, each under its {@link #title()}. Sections come and
 * go with their modules; the kernel knows none of them by name. A section that fails is shown as a short
 * notice, and the rest of the page works.
 *
 * <p>{@link #create} is called on the UI thread while the page is built, so it must return at once: a section
 * that reads data builds its content with the kit's {@code AsyncLoader}, which reads on the kernel's pool
 * as the user and fills the section in when the data is there, so one slow section never holds the page.
 *
 * @since ui 1.2
 */
@ConsumerType
public interface HomeSection {
    /** Service property: an integer placing the section among the others; lower comes first. */
    String ORDER = "crm.home.order";

    /**
     * Service property: the permission a user needs to see the section, e.g. {@code activities.view}; without
     * it the shell does not even call {@link #create}. No property: everyone signed in.
     */
    String PERMISSION = "crm.home.permission";

    /** @return the section's heading, e.g. "My activities" */
    String title();

    /**
     * @return a new component for one user's Home page, or empty to show nothing to the signed-in user;
     *     called on the UI thread of that session with the user signed in
     */
    Optional<Component> create();
}
