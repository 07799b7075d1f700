package org.tesseracrm.webhooks.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code crm:webhook-enable <id>}: delivers events to a subscription again, its failures forgotten. */
@Service
@Command(scope = "crm", name = "webhook-enable", description = "Enables a webhook subscription (its failures are forgotten)")
public class WebhookEnableCommand extends WebhookSwitch {
    @Override
    public Object execute() {
        return set(true);
    }
}
