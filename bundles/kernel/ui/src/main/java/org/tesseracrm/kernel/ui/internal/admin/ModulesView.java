package org.tesseracrm.kernel.ui.internal.admin;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.module.DegradedContribution;
import org.tesseracrm.kernel.api.module.FeatureInfo;
import org.tesseracrm.kernel.api.module.InstalledModule;
import org.tesseracrm.kernel.api.module.ModuleAdmin;
import org.tesseracrm.kernel.api.module.ModuleRegistry;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.ui.internal.shared.ShellSession;

/**
 * Modules and profiles with their state; enable and disable them at runtime. The same operations as
 * the crm:module-* shell commands, so Karaf's feature state stays the single source of truth. An
 * operation runs off the request thread while a progress bar shows; the page updates by push. Below,
 * the contributions the kernel's guard switched off because they failed (degraded), with their bundle.
 */
public class ModulesView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient ModuleAdmin admin;
    private final transient ModuleRegistry registry;
    private final transient CallerContext callers;
    private final transient SafeCaller guard;
    private final Grid<FeatureInfo> modules = new Grid<>();
    private final Grid<DegradedContribution> degraded = new Grid<>();
    private final H3 degradedTitle = new H3("Degraded contributions");
    private final Paragraph degradedHint = new Paragraph("These contributions failed when Tessera called them, so "
            + "they are left out of the screens; everything else keeps working. The log (data/log/karaf.log) has "
            + "the first failure of each with its stack trace. Updating or restarting the bundle clears its entries.");
    private final Grid<FeatureInfo> profiles = new Grid<>();
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph working = new Paragraph();

    ModulesView(ModuleAdmin admin, ModuleRegistry registry, CallerContext callers, SafeCaller guard) {
        this.admin = admin;
        this.registry = registry;
        this.callers = callers;
        this.guard = guard;
        setSizeFull();
        progress.setIndeterminate(true);
        progress.setId("modules-progress");
        progress.setVisible(false);
        working.setVisible(false);

        modules.setId("modules-grid");
        modules.addColumn(FeatureInfo::id).setHeader("Module").setAutoWidth(true);
        modules.addColumn(FeatureInfo::description).setHeader("Description").setFlexGrow(1);
        modules.addColumn(FeatureInfo::version).setHeader("Version").setAutoWidth(true);
        modules.addColumn(this::state).setHeader("State").setAutoWidth(true);
        modules.addComponentColumn(m -> toggle("module", m, admin::enableModule, admin::disableModule))
                .setHeader("").setAutoWidth(true);
        modules.setAllRowsVisible(true);

        profiles.setId("profiles-grid");
        profiles.addColumn(FeatureInfo::id).setHeader("Profile").setAutoWidth(true);
        profiles.addColumn(FeatureInfo::description).setHeader("Description").setFlexGrow(1);
        profiles.addColumn(p -> p.installed() ? "All modules enabled" : "Not all modules enabled")
                .setHeader("State").setAutoWidth(true);
        profiles.addComponentColumn(p -> toggle("profile", p, admin::enableProfile, admin::disableProfile))
                .setHeader("").setAutoWidth(true);
        profiles.setAllRowsVisible(true);

        degraded.setId("degraded-grid");
        degraded.addColumn(DegradedContribution::bundle).setHeader("Bundle").setAutoWidth(true);
        degraded.addColumn(d -> d.module().isEmpty() ? "–" : d.module()).setHeader("Module").setAutoWidth(true);
        degraded.addColumn(d -> d.contribution().substring(d.contribution().lastIndexOf('.') + 1) + "." + d.operation())
                .setHeader("Contribution").setAutoWidth(true);
        degraded.addColumn(DegradedContribution::failure).setHeader("Failure").setFlexGrow(1);
        degraded.addColumn(d -> d.since().toString()).setHeader("Since (UTC)").setAutoWidth(true);
        degraded.addColumn(DegradedContribution::failures).setHeader("Failures").setAutoWidth(true);
        degraded.setAllRowsVisible(true);

        add(new H2("Modules"), new Paragraph("Enabling or disabling a module takes effect at once for every "
                + "user. A disabled module's data stays in the database."), working, progress, modules,
                new H3("Profiles"), profiles, degradedTitle, degradedHint, degraded);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return "Modules · Tessera CRM";
    }

    private String state(FeatureInfo module) {
        if (!module.installed()) {
            return "Disabled";
        }
        boolean broken = guard.degraded().stream().anyMatch(d -> d.module().equals(module.id()));
        return registry.module(module.id()).map(InstalledModule::state)
                .map(s -> "Enabled (" + s.toLowerCase() + (broken ? ", degraded" : "") + ")")
                .orElse("Enabled (starting)");
    }

    private Button toggle(String kind, FeatureInfo feature, Consumer<String> enable, Consumer<String> disable) {
        boolean on = feature.installed();
        Button button = new Button(on ? "Disable" : "Enable", e -> run(
                (on ? "Disabling " : "Enabling ") + kind + " " + feature.id() + "…",
                (on ? "Disabled " : "Enabled ") + kind + " " + feature.id() + ".",
                () -> (on ? disable : enable).accept(feature.id())));
        button.setId(kind + "-toggle-" + feature.id());
        button.addThemeVariants(on ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        button.setEnabled(!progress.isVisible());
        return button;
    }

    private void run(String doing, String done, Runnable operation) {
        UI ui = UI.getCurrent();
        Caller caller = ShellSession.caller().orElseThrow();
        busy(doing);
        CompletableFuture.runAsync(() -> callers.callAs(caller, () -> {
            operation.run();
            return null;
        })).whenComplete((ok, failure) -> {
            try {
                ShellSession.access(ui, callers, () -> finished(done, failure));
            } catch (UIDetachedException closed) {
                // the admin left the page; the operation itself has completed
            }
        });
    }

    private void busy(String doing) {
        working.setText(doing);
        working.setVisible(true);
        progress.setVisible(true);
        refresh();
    }

    private void finished(String done, Throwable failure) {
        working.setVisible(false);
        progress.setVisible(false);
        refresh();
        if (failure == null) {
            Notification.show(done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            return;
        }
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String message = cause instanceof CrmException ? cause.getMessage() : "The operation failed: " + cause;
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void refresh() {
        modules.setItems(admin.modules());
        profiles.setItems(admin.profiles());
        List<DegradedContribution> failed = guard.degraded();
        degraded.setItems(failed);
        degradedTitle.setVisible(!failed.isEmpty());
        degradedHint.setVisible(!failed.isEmpty());
        degraded.setVisible(!failed.isEmpty());
    }
}
