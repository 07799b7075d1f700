/**
 * The names of the Projects module's record type {@link ProjectFields#RECORD_TYPE project}: projects are records,
 * read and written through {@link org.tesseracrm.kernel.api.record.Records}.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.projects.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
