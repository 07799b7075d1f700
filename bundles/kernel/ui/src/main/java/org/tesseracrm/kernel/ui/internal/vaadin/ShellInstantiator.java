package org.tesseracrm.kernel.ui.internal.vaadin;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;

import org.tesseracrm.kernel.api.ui.ViewContribution;

/**
 * Creates the shell's own views with the services they need, and module views through the
 * contribution that owns them, so no view ever looks a service up.
 */
final class ShellInstantiator extends DefaultInstantiator {
    private static final long serialVersionUID = 1L;

    private final transient ViewRegistry views;
    private final transient Map<Class<?>, Supplier<?>> shellViews;

    ShellInstantiator(VaadinService service, ViewRegistry views, Map<Class<?>, Supplier<?>> shellViews) {
        super(service);
        this.views = views;
        this.shellViews = Map.copyOf(shellViews);
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        Supplier<?> shellView = shellViews.get(type);
        if (shellView != null) {
            return type.cast(shellView.get());
        }
        Optional<ViewContribution> contribution = views.contributionFor(type);
        if (contribution.isPresent()) {
            ViewContribution view = contribution.get(); // a failure shows the error page inside the shell
            return type.cast(views.guard().require(view, "createView", view::createView));
        }
        return super.getOrCreate(type);
    }
}
