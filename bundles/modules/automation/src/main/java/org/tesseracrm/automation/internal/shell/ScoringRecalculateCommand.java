package org.tesseracrm.automation.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.ScoringRules;

/** {@code automation:scoring-recalculate <type>}: works out every score of a record type again. */
@Service
@Command(scope = "automation", name = "scoring-recalculate",
        description = "Recalculates the score of every record of a type")
public class ScoringRecalculateCommand extends PartsCommand {
    @Reference
    ScoringRules scoring;

    @Argument(index = 0, name = "type", required = true, description = "the record type id, e.g. lead")
    String type;

    @Override
    public Object execute() {
        System.out.println(asUser(() -> scoring.recalculate(type)) + " scores changed");
        return null;
    }
}
