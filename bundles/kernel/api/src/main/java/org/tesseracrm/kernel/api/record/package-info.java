/** Record types and the query shape list views use. Minimal now; the record platform extends it. */
@Export
@Version("1.0.0")
package org.tesseracrm.kernel.api.record;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
