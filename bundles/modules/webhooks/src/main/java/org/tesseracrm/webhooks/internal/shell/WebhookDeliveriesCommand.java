package org.tesseracrm.webhooks.internal.shell;

import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.webhooks.internal.service.Delivery;
import org.tesseracrm.webhooks.internal.service.WebhookService;

/** {@code crm:webhook-deliveries <id>}: a subscription's delivery log, newest first. */
@Service
@Command(scope = "crm", name = "webhook-deliveries", description = "Shows a webhook's delivery log, newest first")
public class WebhookDeliveriesCommand implements Action {
    @Reference
    private WebhookService webhooks;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "id", required = true, description = "the subscription's id (crm:webhook-list)")
    private long id;

    @Option(name = "--limit", description = "the most deliveries shown (default 50)")
    private int limit = 50;

    @Override
    public Object execute() {
        List<Delivery> found = callers.callAs(ShellCaller.current(), () -> webhooks.deliveries(id, limit));
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "Event", "Created", "State", "Attempts", "Status", "Last attempt", "Next retry", "Error")) {
            table.column(column);
        }
        for (Delivery delivery : found) {
            table.addRow().addContent(delivery.id(), delivery.event(), delivery.createdAt(), delivery.state(), delivery.attempts(),
                    delivery.statusCode().isPresent() ? delivery.statusCode().getAsInt() : "",
                    delivery.lastAttemptAt().map(Instant::toString).orElse(""),
                    delivery.nextAttemptAt().map(Instant::toString).orElse(""), delivery.error().orElse(""));
        }
        table.print(System.out);
        return null;
    }
}
