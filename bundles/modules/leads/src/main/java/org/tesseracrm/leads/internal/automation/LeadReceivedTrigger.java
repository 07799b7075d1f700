package org.tesseracrm.leads.internal.automation;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.Trigger;

/** The workflow trigger "Lead received" ({@value LeadTriggers#RECEIVED}), optionally for one source. */
@Component(service = Trigger.class, property = Trigger.ID + "=" + LeadTriggers.RECEIVED)
public class LeadReceivedTrigger extends LeadTriggers.LeadTrigger {
    @Override
    public String id() {
        return LeadTriggers.RECEIVED;
    }

    @Override
    public String label() {
        return "Lead received";
    }

    @Override
    public List<Parameter> parameters() {
        return LeadTriggers.RECEIVED_PARAMETERS;
    }
}
