package org.tesseracrm.email.internal.capture;

import java.util.List;

import org.tesseracrm.kernel.api.record.RecordRef;

/** Finds the records that hold an e-mail address, as a given user sees them. */
interface RecordFinder {
    /**
     * @param address an address, lower case
     * @return the contacts, leads and companies (those installed) with that e-mail, at most a few of each
     */
    List<RecordRef> byAddress(String address);
}
