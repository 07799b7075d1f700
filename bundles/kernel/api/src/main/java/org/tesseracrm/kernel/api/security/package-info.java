/** Who is calling: authentication and the caller of the current service call. */
@Export
@Version("1.0.0")
package org.tesseracrm.kernel.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
