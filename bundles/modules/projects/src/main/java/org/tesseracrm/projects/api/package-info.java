/**
 * The Projects module's API: the names of its record type {@link ProjectFields#RECORD_TYPE project} (projects are
 * records, read and written through {@link org.tesseracrm.kernel.api.record.Records}) and the {@link Projects}
 * service for a project's members, its links to records of any type and its progress from its tasks.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.projects.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
