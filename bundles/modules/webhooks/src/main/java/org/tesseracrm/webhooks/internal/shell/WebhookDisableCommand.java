package org.tesseracrm.webhooks.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code crm:webhook-disable <id>}: stops delivering events to a subscription; its pending deliveries are cancelled when due. */
@Service
@Command(scope = "crm", name = "webhook-disable", description = "Disables a webhook subscription")
public class WebhookDisableCommand extends WebhookSwitch {
    @Override
    public Object execute() {
        return set(false);
    }
}
