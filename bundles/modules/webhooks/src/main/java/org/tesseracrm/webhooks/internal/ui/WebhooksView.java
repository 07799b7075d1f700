package org.tesseracrm.webhooks.internal.ui;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.FieldErrors;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.webhooks.internal.WebhooksModule;
import org.tesseracrm.webhooks.internal.service.CreatedWebhook;
import org.tesseracrm.webhooks.internal.service.Delivery;
import org.tesseracrm.webhooks.internal.service.DeliveryState;
import org.tesseracrm.webhooks.internal.service.Webhook;
import org.tesseracrm.webhooks.internal.service.WebhookInput;
import org.tesseracrm.webhooks.internal.service.WebhookService;

/**
 * Administration &gt; Webhooks: the subscriptions with their state (a subscription the module disabled is announced at
 * the top of the page, with the reason), a dialog to create and edit one, "Send test event", "Rotate secret", and the
 * selected subscription's delivery log with "Retry now".
 */
public class WebhooksView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient WebhookService webhooks;
    private final transient RecordTypes types;
    private final transient AccessControl access;
    private final Div notices = new Div();
    private final Grid<Webhook> grid = new Grid<>();
    private final Grid<Delivery> deliveries = new Grid<>();
    private final H3 deliveriesTitle = new H3("Deliveries");
    /** The subscription whose deliveries are shown, -1 for none. */
    private long selectedId = -1;

    /**
     * @param webhooks the service, which checks permissions
     * @param types the installed record types
     * @param access whether the user may allow private addresses
     */
    public WebhooksView(WebhookService webhooks, RecordTypes types, AccessControl access) {
        this.webhooks = webhooks;
        this.types = types;
        this.access = access;
        setId("webhooks-view");
        notices.setId("webhooks-notices");
        Button create = new Button("New webhook", e -> openEditor(Optional.empty()));
        create.setId("webhook-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("webhooks-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(Webhook::url).setHeader("URL").setFlexGrow(1);
        grid.addColumn(w -> all(w.recordTypes(), "All record types")).setHeader("Record types").setAutoWidth(true);
        grid.addColumn(w -> all(w.events(), "All events")).setHeader("Events").setAutoWidth(true);
        grid.addColumn(WebhooksView::state).setHeader("State").setAutoWidth(true);
        grid.addColumn(Webhook::failures).setHeader("Failures").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.addSelectionListener(e -> select(e.getFirstSelectedItem()));
        deliveries.setId("webhook-deliveries-grid");
        deliveries.setAllRowsVisible(true);
        deliveries.addColumn(d -> time(d.lastAttemptAt().orElse(d.createdAt()))).setHeader("Time").setAutoWidth(true);
        deliveries.addColumn(Delivery::event).setHeader("Event").setAutoWidth(true);
        deliveries.addColumn(Delivery::attempts).setHeader("Attempt").setAutoWidth(true);
        deliveries.addColumn(d -> d.state().name().charAt(0) + d.state().name().substring(1).toLowerCase()).setHeader("State").setAutoWidth(true);
        deliveries.addColumn(d -> d.statusCode().isPresent() ? Integer.toString(d.statusCode().getAsInt()) : "")
                .setHeader("Status code").setAutoWidth(true);
        deliveries.addColumn(d -> d.error().orElse("")).setHeader("Error").setFlexGrow(1);
        deliveries.addColumn(d -> d.state() == DeliveryState.PENDING ? d.nextAttemptAt().map(this::time).orElse("") : "")
                .setHeader("Next retry").setAutoWidth(true);
        deliveries.addComponentColumn(this::retryButton).setHeader("").setAutoWidth(true);
        Button reload = new Button("Refresh", e -> refresh());
        reload.setId("webhook-deliveries-refresh");
        add(new H2("Webhooks"), notices, new Paragraph("Tessera POSTs every change of the chosen record types to each "
                + "subscribed URL, signed with the subscription's secret (header Tessera-Signature; see the API guide), and "
                + "retries failed deliveries for 24 hours."), create, grid,
                new HorizontalLayout(deliveriesTitle, reload), deliveries);
        refresh();
    }

    private void refresh() {
        List<Webhook> all = webhooks.list();
        grid.setItems(all);
        notices.removeAll();
        for (Webhook webhook : all) {
            webhook.disabledReason().ifPresent(why -> {
                Paragraph notice = new Paragraph("Webhook to " + webhook.url() + " was disabled. " + why);
                notice.setId("webhook-disabled-" + webhook.id());
                notice.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
                notices.add(notice);
            });
        }
        Optional<Webhook> selected = all.stream().filter(w -> w.id() == selectedId).findFirst().or(() -> all.stream().findFirst());
        selected.ifPresent(grid::select);
        showDeliveries(selected);
    }

    private void select(Optional<Webhook> webhook) {
        webhook.ifPresent(w -> {
            selectedId = w.id();
            showDeliveries(webhook);
        });
    }

    private void showDeliveries(Optional<Webhook> selected) {
        deliveriesTitle.setText(selected.map(w -> "Deliveries to " + w.url()).orElse("Deliveries"));
        deliveries.setItems(selected.map(w -> webhooks.deliveries(w.id(), 100)).orElse(List.of()));
    }

    private HorizontalLayout actions(Webhook webhook) {
        Button edit = small("Edit", "webhook-edit-" + webhook.id(), () -> openEditor(Optional.of(webhook)));
        Button test = small("Send test event", "webhook-test-" + webhook.id(), () -> {
            webhooks.sendTest(webhook.id());
            Notification.show("Test event queued.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            selectedId = webhook.id();
            refresh();
        });
        test.setEnabled(webhook.enabled());
        Button rotate = small("Rotate secret", "webhook-rotate-" + webhook.id(), () -> confirmRotate(webhook));
        Button toggle = small(webhook.enabled() ? "Disable" : "Enable", "webhook-toggle-" + webhook.id(), () -> {
            webhooks.setEnabled(webhook.id(), !webhook.enabled());
            refresh();
        });
        return new HorizontalLayout(edit, test, rotate, toggle);
    }

    private Button retryButton(Delivery delivery) {
        Button retry = small("Retry now", "webhook-retry-" + delivery.id(), () -> {
            webhooks.retry(delivery.id());
            Notification.show("Delivery queued again.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        });
        retry.setVisible(delivery.state() != DeliveryState.DELIVERED);
        return retry;
    }

    /** A small tertiary button whose action's refusals (disabled subscription, lost permission) are shown, not thrown. */
    private static Button small(String text, String id, Runnable action) {
        Button button = new Button(text, e -> {
            try {
                action.run();
            } catch (ValidationException ex) {
                Notification.show(ex.errors().stream().map(f -> f.message()).collect(Collectors.joining(" ")), 6000,
                        Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            } catch (CrmException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void confirmRotate(Webhook webhook) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Rotate the secret of the webhook to " + webhook.url() + "?");
        confirm.add(new Paragraph("Deliveries are signed with the new secret at once: the receiver must be given it, "
                + "or it will refuse them."));
        Button rotate = new Button("Rotate", e -> showSecret(confirm, "New secret", webhooks.rotateSecret(webhook.id())));
        rotate.setId("webhook-rotate-confirm");
        rotate.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(new Button("Cancel", e -> confirm.close()), rotate);
        confirm.open();
    }

    private void openEditor(Optional<Webhook> existing) {
        Dialog dialog = new Dialog();
        dialog.setId("webhook-dialog");
        dialog.setHeaderTitle(existing.map(w -> "Webhook " + w.id()).orElse("New webhook"));
        dialog.setCloseOnOutsideClick(false);
        TextField url = new TextField("URL");
        url.setId("webhook-url");
        url.setHelperText("http or https; Tessera POSTs JSON to it");
        url.setWidthFull();
        url.setMaxLength(2000);
        MultiSelectComboBox<RecordType> recordTypes = new MultiSelectComboBox<>("Record types");
        recordTypes.setId("webhook-types");
        List<RecordType> offered = types.all().stream().sorted(Comparator.comparing(RecordType::pluralLabel)).toList();
        recordTypes.setItems(offered);
        recordTypes.setItemLabelGenerator(RecordType::pluralLabel);
        recordTypes.setHelperText("Leave empty for every record type");
        MultiSelectComboBox<String> events = new MultiSelectComboBox<>("Events");
        events.setId("webhook-events");
        events.setItems(WebhookService.RECORD_EVENTS);
        events.setHelperText("Leave empty for every event, modules' own included");
        Checkbox enabled = new Checkbox("Enabled", true);
        enabled.setId("webhook-enabled");
        Checkbox allowPrivate = new Checkbox("Allow private network addresses");
        allowPrivate.setId("webhook-allow-private");
        allowPrivate.setTooltipText("Loopback, private and link-local addresses: the server's own network. Only for a "
                + "receiver you run yourself.");
        allowPrivate.setEnabled(access.permitted(WebhooksModule.ALLOW_PRIVATE));
        existing.ifPresent(w -> {
            url.setValue(w.url());
            recordTypes.setValue(offered.stream().filter(t -> w.recordTypes().contains(t.id())).collect(Collectors.toSet()));
            events.setValue(Set.copyOf(w.events()));
            enabled.setValue(w.enabled());
            allowPrivate.setValue(w.allowPrivate());
        });
        FormLayout form = new FormLayout(url, recordTypes, events, enabled, allowPrivate);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMinWidth("32em");
        dialog.add(form);
        Map<String, MultiSelectComboBox<?>> lists = Map.of("recordTypes", recordTypes, "events", events);
        Button save = new Button(existing.isPresent() ? "Save" : "Create webhook");
        save.setId("webhook-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            WebhookInput input = new WebhookInput(url.getValue(), recordTypes.getValue().stream().map(RecordType::id)
                    .collect(Collectors.toSet()), events.getValue(), enabled.getValue(), allowPrivate.getValue());
            try {
                if (existing.isPresent()) {
                    selectedId = webhooks.update(existing.get().id(), input).id();
                    dialog.close();
                    refresh();
                } else {
                    CreatedWebhook created = webhooks.create(input);
                    selectedId = created.webhook().id();
                    refresh();
                    showSecret(dialog, "Webhook created", created.secret());
                }
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("url", url, "recordTypes", lists.get("recordTypes"), "events", lists.get("events")));
            } catch (CrmException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        url.focus();
    }

    /** Replaces a dialog's content with a signing secret: the only time anybody sees it. */
    private static void showSecret(Dialog dialog, String title, String value) {
        dialog.removeAll();
        dialog.getFooter().removeAll();
        dialog.setHeaderTitle(title);
        Paragraph warning = new Paragraph("Copy the signing secret now and give it to the receiver, which checks each "
                + "delivery's Tessera-Signature with it. It is stored encrypted and will not be shown again; rotate it if it is lost.");
        warning.getStyle().set("color", "var(--lumo-error-text-color)");
        TextField secret = new TextField("Signing secret");
        secret.setId("webhook-secret");
        secret.setValue(value);
        secret.setReadOnly(true);
        secret.setWidthFull();
        VerticalLayout body = new VerticalLayout(warning, secret);
        body.setPadding(false);
        body.setMinWidth("36em");
        dialog.add(body);
        Button done = new Button("Done", e -> dialog.close());
        done.setId("webhook-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        if (!dialog.isOpened()) {
            dialog.open();
        }
    }

    private static String all(Set<String> values, String none) {
        return values.isEmpty() ? none : String.join(", ", new TreeSet<>(values));
    }

    private static String state(Webhook webhook) {
        return webhook.enabled() ? (webhook.failures() > 0 ? "Enabled, failing" : "Enabled")
                : webhook.disabledReason().isPresent() ? "Disabled after failures" : "Disabled";
    }

    private String time(Instant at) {
        return LocalTimes.current().format(at);
    }
}
