/** Views, menu entries, record form panels, header items and Home page sections that modules contribute to the Vaadin shell. */
@Export
@Version("1.2.0")
package org.tesseracrm.kernel.api.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
