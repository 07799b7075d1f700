/** Views, menu entries, record form panels and header items that modules contribute to the Vaadin shell. */
@Export
@Version("1.1.0")
package org.tesseracrm.kernel.api.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
