package org.tesseracrm.leads.internal.automation;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.Trigger;

/** The workflow trigger "Lead discarded" ({@value LeadTriggers#DISCARDED}), optionally from one status or reason. */
@Component(service = Trigger.class, property = Trigger.ID + "=" + LeadTriggers.DISCARDED)
public class LeadDiscardedTrigger extends LeadTriggers.LeadTrigger {
    @Override
    public String id() {
        return LeadTriggers.DISCARDED;
    }

    @Override
    public String label() {
        return "Lead discarded";
    }

    @Override
    public List<Parameter> parameters() {
        return LeadTriggers.DISCARDED_PARAMETERS;
    }
}
