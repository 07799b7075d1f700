/**
 * The Leads module's operations beyond plain record editing: converting a lead into a company, a contact and
 * an opportunity, discarding it with a reason, and the admin's field mapping for conversion. Leads themselves
 * are records: read and write them through {@link org.tesseracrm.kernel.api.record.Records} with record type
 * {@code lead}.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.leads.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
