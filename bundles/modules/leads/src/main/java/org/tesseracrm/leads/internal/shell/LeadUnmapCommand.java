package org.tesseracrm.leads.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.leads.api.LeadConversion;

/** {@code crm:lead-unmap}: removes an admin's mapping of a lead field. */
@Service
@Command(scope = "crm", name = "lead-unmap", description = "Removes the mapping of a lead field to a record type")
public class LeadUnmapCommand implements Action {
    @Reference
    private LeadConversion leads;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "leadField", required = true, description = "the lead field's name")
    private String leadField;

    @Argument(index = 1, name = "type", required = true, description = "company, contact or opportunity")
    private String type;

    @Override
    public Object execute() {
        callers.callAs(ShellCaller.current(), () -> {
            leads.unmap(leadField, type);
            return null;
        });
        System.out.println("Lead field " + leadField + " no longer goes to " + type);
        return null;
    }
}
