package org.tesseracrm.kernel.ui.internal.views;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.ParentLayout;

import org.tesseracrm.kernel.ui.internal.vaadin.ShellErrorHandler;

/**
 * What a page that failed to open shows, inside the shell: the message of a CRM exception, or for
 * anything unexpected an error id that is also in the log. Never a stack trace.
 */
@ParentLayout(MainLayout.class)
public class InternalErrorView extends ShellErrorPage<Exception> {
    private static final long serialVersionUID = 1L;

    /** Builds an empty page; {@link #setErrorParameter} fills it. */
    public InternalErrorView() {
        super("tessera-error");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        return show("This page could not be opened", ShellErrorHandler.messageFor(parameter.getCaughtException()), 500);
    }
}
