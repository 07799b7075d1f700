/**
 * The Opportunities module's phases, phase history and contact roles, for its UI, the shell and other
 * modules. Opportunities themselves are records: read and write them through
 * {@link org.tesseracrm.kernel.api.record.Records} with record type {@code opportunity}.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.opportunities.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
