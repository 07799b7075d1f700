/**
 * The FAQ module's service ({@link Faqs}): publishing, the FAQs suggested for a case by its text, and the FAQs
 * attached to cases (each counts the cases it solved). FAQs themselves are records: read and write their fields
 * through {@link org.tesseracrm.kernel.api.record.Records} with record type {@link FaqFields#RECORD_TYPE faq}.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.faq.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
