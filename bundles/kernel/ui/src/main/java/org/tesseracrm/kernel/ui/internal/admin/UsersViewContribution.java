package org.tesseracrm.kernel.ui.internal.admin;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes {@link UsersView} to the Administration menu. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/users", title = "Users", icon = "vaadin:users", group = "Administration", order = 10,
        permission = SecurityAdmin.MANAGE_USERS)
public class UsersViewContribution implements ViewContribution {
    private final SecurityAdmin security;
    private final UserSettings settings;
    private final ApiTokens tokens;
    private final RecordTypes types;

    /**
     * @param security what the page shows and changes
     * @param settings the users' time zones and locales
     * @param tokens the users' API tokens
     * @param types the installed record types, which a token may be limited to
     */
    @Activate
    public UsersViewContribution(@Reference SecurityAdmin security, @Reference UserSettings settings,
            @Reference ApiTokens tokens, @Reference RecordTypes types) {
        this.security = security;
        this.settings = settings;
        this.tokens = tokens;
        this.types = types;
    }

    @Override
    public Class<? extends Component> viewType() {
        return UsersView.class;
    }

    @Override
    public Component createView() {
        return new UsersView(security, settings, tokens, types);
    }
}
