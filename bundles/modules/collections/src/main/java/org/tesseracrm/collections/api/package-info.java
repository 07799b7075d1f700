/**
 * The Collections module's service ({@link Receivables}): the obligations of a collection (a receivable per
 * customer), the totals the collection keeps from them, and the aging of what is outstanding per customer and per
 * collector. Collections themselves are records: read and write their fields through
 * {@link org.tesseracrm.kernel.api.record.Records} with record type {@link CollectionFields#RECORD_TYPE collection}.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.collections.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
