package org.tesseracrm.kernel.ui.internal.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.kernel.api.module.InstalledModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.ModuleRegistry;
import org.tesseracrm.kernel.api.module.PermissionSet;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/**
 * Contributes {@link ProfilesView}; tracks every module's {@link PermissionSet} so the matrix always
 * shows the modules installed right now.
 */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/profiles", title = "Profiles", icon = "vaadin:shield", group = "Administration", order = 40,
        permission = SecurityAdmin.MANAGE_USERS)
public class ProfilesViewContribution implements ViewContribution {
    private final SecurityAdmin security;
    private final ModuleRegistry modules;
    private final Map<PermissionSet, String> permissionSets = new ConcurrentHashMap<>();

    /**
     * @param security the profile store
     * @param modules module names for the matrix rows
     */
    @Activate
    public ProfilesViewContribution(@Reference SecurityAdmin security, @Reference ModuleRegistry modules) {
        this.security = security;
        this.modules = modules;
    }

    /**
     * @param set a module's permissions
     * @param props its service properties, with the module id
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPermissionSet(PermissionSet set, Map<String, Object> props) {
        permissionSets.put(set, String.valueOf(props.get(ModuleDescriptor.ID)));
    }

    void removePermissionSet(PermissionSet set) {
        permissionSets.remove(set);
    }

    @Override
    public Class<? extends Component> viewType() {
        return ProfilesView.class;
    }

    @Override
    public Component createView() {
        return new ProfilesView(security, this::permissionGroups);
    }

    /** @return one matrix row per installed module, by name */
    List<PermissionGroup> permissionGroups() {
        return permissionSets.entrySet().stream()
                .map(e -> new PermissionGroup(e.getValue(), label(e.getValue()), e.getKey().permissions()))
                .sorted(Comparator.comparing(PermissionGroup::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private String label(String moduleId) {
        return modules.module(moduleId).map(InstalledModule::name)
                .orElse(moduleId.isEmpty() ? moduleId : Character.toUpperCase(moduleId.charAt(0)) + moduleId.substring(1));
    }
}
