package org.tesseracrm.leads.internal.service;

/**
 * Puts the contact a conversion created or linked on the opportunity it created, when the Opportunities module is
 * installed (its contact roles are its own rows, not a lookup field). Internal: the implementation lives in a
 * package that imports the Opportunities API optionally, so the module runs without it.
 */
public interface OpportunityContacts {
    /**
     * @param opportunityId the opportunity the conversion just created
     * @param contactId the contact the lead became
     */
    void link(long opportunityId, long contactId);
}
