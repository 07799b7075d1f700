package org.tesseracrm.webhooks.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.webhooks.internal.WebhooksModule;
import org.tesseracrm.webhooks.internal.service.WebhookService;

/** Contributes {@link WebhooksView} to the Administration menu. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/webhooks", title = "Webhooks", icon = "vaadin:connect", group = "Administration", order = 75,
        permission = WebhooksModule.MANAGE)
public class WebhooksViewContribution implements ViewContribution {
    private final WebhookService webhooks;
    private final RecordTypes types;
    private final AccessControl access;

    /**
     * @param webhooks what the page shows and changes; it checks the permissions
     * @param types the record types a subscription may be limited to
     * @param access whether the user may allow private addresses
     */
    @Activate
    public WebhooksViewContribution(@Reference WebhookService webhooks, @Reference RecordTypes types, @Reference AccessControl access) {
        this.webhooks = webhooks;
        this.types = types;
        this.access = access;
    }

    @Override
    public Class<? extends Component> viewType() {
        return WebhooksView.class;
    }

    @Override
    public Component createView() {
        return new WebhooksView(webhooks, types, access);
    }
}
