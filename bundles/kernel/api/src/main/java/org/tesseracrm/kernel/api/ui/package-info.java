/** Views and menu entries that modules contribute to the Vaadin shell. */
@Export
@Version("1.0.0")
package org.tesseracrm.kernel.api.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
