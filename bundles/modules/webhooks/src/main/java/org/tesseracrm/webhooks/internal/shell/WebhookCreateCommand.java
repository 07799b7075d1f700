package org.tesseracrm.webhooks.internal.shell;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.webhooks.internal.service.CreatedWebhook;
import org.tesseracrm.webhooks.internal.service.WebhookInput;
import org.tesseracrm.webhooks.internal.service.WebhookService;

/**
 * {@code crm:webhook-create <url> [--types contact,company] [--events created,updated] [--allow-private]}: subscribes a
 * URL and prints its signing secret alone on the last line (shown once).
 */
@Service
@Command(scope = "crm", name = "webhook-create", description = "Subscribes a URL to record events and prints its signing secret alone on the last line (shown once)")
public class WebhookCreateCommand implements Action {
    @Reference
    private WebhookService webhooks;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "url", required = true, description = "the http or https URL to POST the events to")
    private String url;

    @Option(name = "--types", description = "record type ids, comma-separated (default: all)")
    private String types;

    @Option(name = "--events", description = "created, updated, deleted, merged (or a module's own), comma-separated (default: all)")
    private String events;

    @Option(name = "--allow-private", description = "allow loopback, private and link-local addresses (needs webhooks.allow-private)")
    private boolean allowPrivate;

    @Option(name = "--disabled", description = "create it disabled")
    private boolean disabled;

    @Override
    public Object execute() {
        WebhookInput input = new WebhookInput(url, list(types), list(events), !disabled, allowPrivate);
        CreatedWebhook created = callers.callAs(ShellCaller.current(), () -> webhooks.create(input));
        System.out.println("Webhook " + created.webhook().id() + " to " + created.webhook().url() + " ("
                + WebhookListCommand.all(created.webhook().recordTypes()) + " / " + WebhookListCommand.all(created.webhook().events())
                + "). Copy the signing secret now: it is not shown again.");
        System.out.println(created.secret());
        return null;
    }

    static Set<String> list(String commaSeparated) {
        return commaSeparated == null ? Set.of() : Arrays.stream(commaSeparated.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
