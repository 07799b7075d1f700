/** The record platform: record types modules declare, their custom fields and pick-lists, and generic list queries and exports. */
@Export
@Version("2.0.0")
package org.tesseracrm.kernel.api.record;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
