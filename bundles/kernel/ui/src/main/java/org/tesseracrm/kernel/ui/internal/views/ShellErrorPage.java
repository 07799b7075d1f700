package org.tesseracrm.kernel.ui.internal.views;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.RouterLink;

/**
 * An error page inside the shell: a title, what happened, and the way home. Text components escape
 * their content, so nothing from the address becomes HTML.
 *
 * @param <E> the failure the page is for
 */
abstract class ShellErrorPage<E extends Exception> extends VerticalLayout implements HasErrorParameter<E> {
    private static final long serialVersionUID = 1L;

    ShellErrorPage(String id) {
        setId(id);
    }

    /** Shows the page and returns the HTTP status it stands for. */
    int show(String title, String message, int status) {
        removeAll();
        add(new H2(title), new Paragraph(message), new RouterLink("Go to the home page", HomeView.class));
        return status;
    }
}
