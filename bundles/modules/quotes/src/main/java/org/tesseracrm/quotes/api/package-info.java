/**
 * The Quotes module's service ({@link Quotes}): quotes made from opportunities, sent (frozen, with their PDF kept as
 * an attachment), revised, accepted or rejected. Quotes themselves are records: read and write their fields through
 * {@link org.tesseracrm.kernel.api.record.Records} with record type {@link QuoteFields#RECORD_TYPE quote}, and their
 * lines through the Products module's line items.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.quotes.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
