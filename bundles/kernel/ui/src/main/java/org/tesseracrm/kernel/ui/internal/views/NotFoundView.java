package org.tesseracrm.kernel.ui.internal.views;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;

/**
 * What an address that is no page shows, inside the shell (menu and top bar stay): a mistyped address,
 * a record page without its id, or the page of a module that is not installed. The servlet answers
 * such a page load with HTTP 404; signed-out users are sent to sign in first, as everywhere.
 */
@ParentLayout(MainLayout.class)
public class NotFoundView extends ShellErrorPage<NotFoundException> {
    private static final long serialVersionUID = 1L;

    /** Builds an empty page; {@link #setErrorParameter} fills it. */
    public NotFoundView() {
        super("tessera-not-found");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return show("Page not found", "There is no page at /" + event.getLocation().getPath() + ". The address may "
                + "be mistyped, or the page belongs to a module that is not installed; an administrator enables "
                + "modules under Administration → Modules.", 404);
    }
}
