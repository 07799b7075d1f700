package org.tesseracrm.email.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/**
 * Contributes {@link TemplatesView} to the Administration menu: every sender keeps their own templates there, and
 * users with {@code email.templates} the shared ones.
 */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/email-templates", title = "E-mail templates", icon = "vaadin:envelope-open-o",
        group = "Administration", order = 78, permission = MailAccounts.SEND)
public class TemplatesViewContribution implements ViewContribution {
    private final MailTemplates templates;
    private final RecordTypes types;
    private final Records records;
    private final AccessControl access;

    /**
     * @param templates what the page shows and changes; it checks the permissions
     * @param types the record types a template may merge
     * @param records the records a preview is merged with (the lookup offers those the user sees)
     * @param access whether the user may manage shared templates
     */
    @Activate
    public TemplatesViewContribution(@Reference MailTemplates templates, @Reference RecordTypes types,
            @Reference Records records, @Reference AccessControl access) {
        this.templates = templates;
        this.types = types;
        this.records = records;
        this.access = access;
    }

    @Override
    public Class<? extends Component> viewType() {
        return TemplatesView.class;
    }

    @Override
    public Component createView() {
        return new TemplatesView(templates, types, records, access);
    }
}
