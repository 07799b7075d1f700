package org.tesseracrm.kernel.ui.internal.admin;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.module.ModuleAdmin;
import org.tesseracrm.kernel.api.module.ModuleRegistry;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** The kernel's own module management page, contributed like any module's view. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/modules", title = "Modules", icon = "vaadin:puzzle-piece", group = "Administration",
        order = 90, permission = ModuleAdmin.MANAGE_MODULES)
public class ModulesViewContribution implements ViewContribution {

    private final ModuleAdmin admin;
    private final ModuleRegistry registry;
    private final CallerContext callers;
    private final SafeCaller guard;

    /**
     * @param admin enables and disables modules
     * @param registry which modules run
     * @param callers binds the admin to the background operation
     * @param guard which contributions failed and were switched off
     */
    @Activate
    public ModulesViewContribution(@Reference ModuleAdmin admin, @Reference ModuleRegistry registry,
            @Reference CallerContext callers, @Reference SafeCaller guard) {
        this.admin = admin;
        this.registry = registry;
        this.callers = callers;
        this.guard = guard;
    }

    @Override
    public Class<? extends Component> viewType() {
        return ModulesView.class;
    }

    @Override
    public Component createView() {
        return new ModulesView(admin, registry, callers, guard);
    }
}
