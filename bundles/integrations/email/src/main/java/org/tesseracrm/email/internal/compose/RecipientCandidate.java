package org.tesseracrm.email.internal.compose;

import org.tesseracrm.kernel.api.record.RecordRef;

/**
 * An address the composer offers for a record.
 *
 * @param address the e-mail address
 * @param record the record holding it, with its title (the record itself, one it points at, or one pointing at it)
 * @param fieldLabel the label of the field holding it, e.g. "E-mail"
 * @param kind how it relates to the record written from
 */
record RecipientCandidate(String address, RecordRef record, String fieldLabel, Kind kind) {
    /** How an address relates to the record. */
    enum Kind {
        /** An e-mail field of the record itself. */
        OWN,
        /** An e-mail field of a record the record points at (a quote's contact, an opportunity's company). */
        LINKED,
        /** An e-mail field of a record pointing at the record or at a linked one (a company's contacts). */
        RELATED
    }

    /** @return how the composer names it, e.g. {@code Ada Lovelace <ada@example.com>} */
    String shown() {
        return record.title().isBlank() ? address : record.title() + " <" + address + ">";
    }
}
