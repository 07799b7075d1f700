/** The record platform: record types modules declare, their custom fields and pick-lists, generic list queries, exports and imports. */
@Export
@Version("2.4.0")
package org.tesseracrm.kernel.api.record;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
