package org.tesseracrm.leads.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.leads.api.FieldMapping;
import org.tesseracrm.leads.api.LeadConversion;

/** {@code crm:lead-map}: maps a lead field to a field of a record a conversion creates. */
@Service
@Command(scope = "crm", name = "lead-map", description = "Maps a lead field to a company, contact or opportunity field "
        + "for conversions")
public class LeadMapCommand implements Action {
    @Reference
    private LeadConversion leads;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "leadField", required = true, description = "the lead field's name, e.g. cf_budget")
    private String leadField;

    @Argument(index = 1, name = "type", required = true, description = "company, contact or opportunity")
    private String type;

    @Argument(index = 2, name = "field", required = true, description = "the field's name in that type")
    private String field;

    @Override
    public Object execute() {
        callers.callAs(ShellCaller.current(), () -> {
            leads.map(new FieldMapping(leadField, type, field, false));
            return null;
        });
        System.out.println("Lead field " + leadField + " now goes to " + type + "." + field);
        return null;
    }
}
