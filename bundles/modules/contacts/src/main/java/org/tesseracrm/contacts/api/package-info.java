/** The Contacts module's service and DTOs, for the UI and for other modules. */
@Export
@Version("1.1.0")
package org.tesseracrm.contacts.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
