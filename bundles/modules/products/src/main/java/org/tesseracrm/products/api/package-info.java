/**
 * The Products module's price lists, quantity discount ranges and price resolver ({@link PriceLists}), and the
 * money arithmetic every sales document uses ({@link Money}, {@link LineAmounts}): quotes and opportunity product
 * lines compute their lines with it so that a line gives the same amounts wherever it is shown. Since 1.1 the
 * shared line model of sales documents: {@link LineItems} stores the product lines of any record (opportunity,
 * quote) with {@link LineItem}, {@link LineInput}, {@link LineProposal} and {@link DocumentTotals}; a module may
 * freeze its records' lines with a {@link LineGuard}. Products themselves
 * are records: read and write them through {@link org.tesseracrm.kernel.api.record.Records} with record type
 * {@link ProductFields#RECORD_TYPE product}.
 */
@Export
@Version("1.1.0")
package org.tesseracrm.products.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
