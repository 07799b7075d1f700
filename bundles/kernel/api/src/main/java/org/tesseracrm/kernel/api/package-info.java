/**
 * The kernel's exception family. Services throw these; the UI turns them into messages a user can
 * act on.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.kernel.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
