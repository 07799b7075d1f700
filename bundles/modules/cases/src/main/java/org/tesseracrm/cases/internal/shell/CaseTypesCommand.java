package org.tesseracrm.cases.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.cases.api.CaseType;
import org.tesseracrm.cases.api.Cases;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/**
 * {@code crm:case-types}: lists the case types with their prefixes; {@code crm:case-types <name> <prefix>} adds a
 * type or changes its prefix ({@code cases.configure}).
 */
@Service
@Command(scope = "crm", name = "case-types", description = "Lists case types and prefixes, or sets one")
public class CaseTypesCommand implements Action {
    @Reference
    private Cases cases;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "name", required = false, description = "a case type to add or change")
    private String name;

    @Argument(index = 1, name = "prefix", required = false, description = "its number prefix, e.g. WAR")
    private String prefix;

    @Override
    public Object execute() {
        callers.callAs(ShellCaller.current(), () -> {
            if (name != null) {
                CaseType saved = cases.saveType(name, prefix);
                System.out.println("Saved " + saved.name() + " " + saved.prefix());
            } else {
                cases.types().forEach(t -> System.out.println(t.prefix() + "\t" + t.name()
                        + (t.active() ? "" : " (inactive)")));
            }
            return null;
        });
        return null;
    }
}
