package org.tesseracrm.webhooks.internal.shell;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.webhooks.internal.service.Webhook;
import org.tesseracrm.webhooks.internal.service.WebhookService;

/** {@code crm:webhook-list}: every subscription and its state (never its secret). */
@Service
@Command(scope = "crm", name = "webhook-list", description = "Lists webhook subscriptions and their state")
public class WebhookListCommand implements Action {
    @Reference
    private WebhookService webhooks;

    @Reference
    private CallerContext callers;

    @Override
    public Object execute() {
        List<Webhook> found = callers.callAs(ShellCaller.current(), webhooks::list);
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "URL", "Types", "Events", "State", "Private", "Failures", "Owner")) {
            table.column(column);
        }
        for (Webhook webhook : found) {
            table.addRow().addContent(webhook.id(), webhook.url(), all(webhook.recordTypes()), all(webhook.events()), state(webhook),
                    webhook.allowPrivate() ? "allowed" : "refused", webhook.failures(), webhook.owner());
        }
        table.print(System.out);
        for (Webhook webhook : found) {
            webhook.disabledReason().ifPresent(why -> System.out.println("Webhook " + webhook.id() + ": " + why));
        }
        return null;
    }

    static String all(Set<String> values) {
        return values.isEmpty() ? "all" : String.join(",", new TreeSet<>(values));
    }

    static String state(Webhook webhook) {
        return webhook.enabled() ? "enabled" : webhook.disabledReason().isPresent() ? "disabled (failing)" : "disabled";
    }
}
