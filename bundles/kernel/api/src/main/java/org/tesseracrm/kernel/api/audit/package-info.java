/** The audit trail: who changed which record when, field by field. */
@Export
@Version("1.3.0")
package org.tesseracrm.kernel.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
