package org.tesseracrm.faq.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;

/** Announces the FAQ module and the permissions it defines. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = FaqModule.ID, name = "FAQ", icon = "vaadin:question-circle-o",
        description = "Knowledge base: questions and answers, published to every agent, suggested on cases")
public class FaqModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "faq";
    /** Read published FAQs (drafts need {@link #EDIT}), see the FAQs on cases, attach them. */
    public static final String VIEW = ID + ".view";
    /** Write FAQs. */
    public static final String CREATE = ID + ".create";
    /** Change, publish and read draft FAQs. */
    public static final String EDIT = ID + ".edit";

    /** The standard set. */
    @Override
    public List<Permission> permissions() {
        return Permission.standard(ID);
    }
}
