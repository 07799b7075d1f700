package org.tesseracrm.opportunities.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;
import org.tesseracrm.opportunities.api.OpportunityPhases;

/** Announces the Opportunities module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = OpportunitiesModule.ID, name = "Opportunities", icon = "vaadin:chart-timeline",
        description = "Sales opportunities: phases, win probabilities, expected amounts and phase history")
public class OpportunitiesModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "opportunities";
    /** See opportunities. */
    public static final String VIEW = ID + ".view";
    /** Change opportunities (and so move them to another phase). */
    public static final String EDIT = ID + ".edit";
    /** Change the phases, their probabilities and the module's pick-lists. */
    public static final String CONFIGURE = OpportunityPhases.CONFIGURE;
    /** Move opportunities to another phase without changing anything else. */
    public static final String MOVE_PHASE = OpportunityPhases.MOVE_PHASE;
    /**
     * Where a products module puts its product lines on the opportunity form: a
     * {@link org.tesseracrm.kernel.api.ui.RecordPanel} registered with {@code crm.record.type=opportunity} and
     * this {@code crm.panel.order}, between the contacts (10) and the phase history (30).
     */
    public static final int PRODUCTS_PANEL_ORDER = 20;

    @Override
    public List<Permission> permissions() {
        List<Permission> all = new ArrayList<>(Permission.standard(ID));
        all.add(new Permission(MOVE_PHASE, "move phase"));
        return all;
    }
}
