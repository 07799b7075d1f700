package org.tesseracrm.leads.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.leads.api.FieldMapping;
import org.tesseracrm.leads.api.LeadConversion;

/** {@code crm:lead-mappings}: lists which lead fields a conversion copies into which fields. */
@Service
@Command(scope = "crm", name = "lead-mappings", description = "Lists the lead conversion's field mapping")
public class LeadMappingsCommand implements Action {
    @Reference
    private LeadConversion leads;

    @Reference
    private CallerContext callers;

    @Override
    public Object execute() {
        System.out.printf("%-24s %-12s %-24s %s%n", "Lead field", "Type", "Field", "Kind");
        for (FieldMapping m : callers.callAs(ShellCaller.current(), leads::mappings)) {
            System.out.printf("%-24s %-12s %-24s %s%n", m.leadField(), m.targetType(), m.targetField(),
                    m.builtIn() ? "built-in" : "custom");
        }
        return null;
    }
}
