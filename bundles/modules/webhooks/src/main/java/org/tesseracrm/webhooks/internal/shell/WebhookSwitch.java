package org.tesseracrm.webhooks.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.webhooks.internal.service.Webhook;
import org.tesseracrm.webhooks.internal.service.WebhookService;

/** What {@code crm:webhook-enable} and {@code crm:webhook-disable} share. */
abstract class WebhookSwitch implements Action {
    @Reference
    private WebhookService webhooks;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "id", required = true, description = "the subscription's id (crm:webhook-list)")
    private long id;

    /** @param enabled on or off */
    Object set(boolean enabled) {
        Webhook webhook = callers.callAs(ShellCaller.current(), () -> webhooks.setEnabled(id, enabled));
        System.out.println("Webhook " + webhook.id() + (enabled ? " enabled: " : " disabled: ") + webhook.url());
        return null;
    }
}
