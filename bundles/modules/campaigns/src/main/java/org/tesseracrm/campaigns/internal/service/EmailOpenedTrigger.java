package org.tesseracrm.campaigns.internal.service;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.automation.Trigger;

/**
 * The workflow trigger "E-mail opened" ({@value #ID}) on contacts and leads: posted by the tracking pixel (or a first
 * click) the first time a member opens a campaign's mail. Details: {@code campaign} (the campaign id) and
 * {@code address}.
 */
@Component(service = Trigger.class, property = Trigger.ID + "=" + EmailOpenedTrigger.ID)
public class EmailOpenedTrigger implements Trigger {
    /** The trigger's id. */
    public static final String ID = "email.opened";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "E-mail opened";
    }

    @Override
    public Set<String> recordTypes() {
        return Set.of("contact", "lead");
    }
}
