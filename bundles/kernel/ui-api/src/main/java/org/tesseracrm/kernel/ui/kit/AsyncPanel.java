package org.tesseracrm.kernel.ui.kit;

import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;

import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.ui.internal.shared.ShellSession;

/**
 * A part of a page that loads its data on its own (made by {@link AsyncLoader#panel}): once attached it
 * shows a spinner and reads on the kernel's pool as the signed-in user, then shows the data through server
 * push; a failure shows a message (class {@code tessera-async-error}) and a Retry button. {@link #reload}
 * reads again, keeping what it shows until the new data is there (a dashboard refreshing after a record
 * changed). Detaching cancels a load still running.
 *
 * <p>Its element carries {@code data-state} ({@code loading}, {@code loaded} or {@code failed}) and, once
 * loaded, {@code data-load-ms}: the milliseconds from asking to showing, which browser tests and the
 * dashboard benchmark read.
 *
 * @param <T> the data's type
 * @since kit 1.3
 */
public final class AsyncPanel<T> extends Div {
    private static final long serialVersionUID = 1L;

    private final transient AsyncLoader loader;
    private final transient Supplier<T> load;
    private final transient Function<T, Component> show;
    private final Div content = new Div();
    private final Div spinner = new Div();
    private transient Future<?> running;
    private long generation;
    private boolean loaded;

    AsyncPanel(AsyncLoader loader, Supplier<T> load, Function<T, Component> show) {
        this.loader = loader;
        this.load = load;
        this.show = show;
        addClassName("tessera-async");
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.getElement().setAttribute("aria-label", "Loading");
        spinner.add(bar);
        spinner.addClassName("tessera-async-spinner");
        spinner.setVisible(false);
        content.setWidthFull();
        add(spinner, content);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (!loaded && running == null) {
            reload();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        cancel();
        super.onDetach(event);
    }

    /** Reads the data again and shows it when it is there; a load still running is cancelled. */
    public void reload() {
        Optional<UI> ui = getUI();
        Optional<Caller> caller = loader.callers().current();
        if (ui.isEmpty()) {
            return; // loads when attached
        }
        cancel();
        long mine = ++generation;
        spinner.setVisible(true);
        getElement().setAttribute("data-state", "loading");
        if (caller.isEmpty()) {
            failed("Sign in first.");
            return;
        }
        UI page = ui.get();
        long start = System.nanoTime();
        running = loader.submit(caller.get(), load, outcome -> {
            try {
                ShellSession.access(page, loader.callers(), () -> {
                    if (mine == generation) {
                        shown(outcome, (System.nanoTime() - start) / 1_000_000);
                    }
                });
            } catch (UIDetachedException e) {
                // the page was closed meanwhile: nobody to show it to
            }
        });
    }

    private void shown(AsyncLoader.Outcome<T> outcome, long millis) {
        running = null;
        spinner.setVisible(false);
        if (outcome.failed()) {
            failed(outcome.problem());
            return;
        }
        content.removeAll();
        Component shown;
        try {
            shown = outcome.value().map(show).orElseGet(Span::new);
        } catch (org.tesseracrm.kernel.api.CrmException e) {
            failed(e.getMessage());
            return;
        } catch (RuntimeException e) {
            String id = java.util.UUID.randomUUID().toString().substring(0, 8);
            org.slf4j.LoggerFactory.getLogger(AsyncPanel.class).warn("A page part failed to show (error id {})", id, e);
            failed("This could not be shown. If it persists, give your administrator error id " + id + ".");
            return;
        }
        content.add(shown);
        loaded = true;
        getElement().setAttribute("data-state", "loaded");
        getElement().setAttribute("data-load-ms", String.valueOf(millis));
    }

    private void failed(String problem) {
        running = null;
        spinner.setVisible(false);
        content.removeAll();
        Span message = new Span(problem);
        message.addClassName("tessera-async-error");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        Button retry = new Button("Retry", e -> reload());
        retry.addClassName("tessera-async-retry");
        retry.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        content.add(message, retry);
        getElement().setAttribute("data-state", "failed");
    }

    private void cancel() {
        if (running != null) {
            running.cancel(true);
            running = null;
        }
    }
}
