package org.tesseracrm.forecasts.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.forecasts.api.Forecasts;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Forecasts module and its permissions: view, manage (others' targets), configure (currencies). */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = ForecastsModule.ID, name = "Forecasts", icon = "vaadin:trending-up",
        description = "Sales targets per month, quarter or half-year down the role tree, against won and open opportunities")
public class ForecastsModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "forecasts";

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(Forecasts.VIEW, "view"), new Permission(Forecasts.MANAGE, "manage targets"),
                new Permission(Forecasts.CONFIGURE, "configure"));
    }
}
