package org.tesseracrm.surveys.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the Surveys module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = SurveysModule.ID, name = "Surveys", icon = "vaadin:smiley-o",
        description = "Survey responses: NPS and satisfaction scores of contacts and companies, for the key-account KPIs")
public class SurveysModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "surveys";
    /** See survey responses. */
    public static final String VIEW = ID + ".view";
    /** Change survey responses. */
    public static final String EDIT = ID + ".edit";

    /** The standard set: the record platform checks {@code surveys.view}, {@code .create}, {@code .edit}, ... */
    @Override
    public List<Permission> permissions() {
        return Permission.standard(ID);
    }
}
