package org.tesseracrm.leads.internal.opportunity;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.leads.internal.service.OpportunityContacts;
import org.tesseracrm.opportunities.api.OpportunityPhases;

/**
 * Puts a converted lead's contact on its new opportunity through {@link OpportunityPhases#putContact}, in the
 * conversion's transaction. That operation needs {@code opportunities.edit}; the conversion has just created the
 * opportunity with the caller's {@code opportunities.create}, so the link, part of creating it, is made with
 * {@code opportunities.edit} added for this call only ({@link CallerContext#callWithPermissions}). Only registered
 * when the Opportunities module is there: the bundle imports its API optionally, and without it this component's
 * reference is never satisfied (nor its class loaded).
 */
@Component(service = OpportunityContacts.class)
public class OpportunityContactsImpl implements OpportunityContacts {
    private static final String EDIT = "opportunities.edit";

    private final OpportunityPhases phases;
    private final CallerContext callers;

    /**
     * @param phases the Opportunities module's service
     * @param callers adds the edit permission for the link
     */
    @Activate
    public OpportunityContactsImpl(@Reference OpportunityPhases phases, @Reference CallerContext callers) {
        this.phases = phases;
        this.callers = callers;
    }

    @Override
    public void link(long opportunityId, long contactId) {
        callers.callWithPermissions(Set.of(EDIT), () -> {
            phases.putContact(opportunityId, contactId, "");
            return null;
        });
    }
}
