/**
 * The contribution registries (record form panels, header items, row decorations, bulk actions) that
 * the kit and the shell read. Exported for the shell only: modules contribute services and use the kit,
 * never these classes.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.kernel.ui.internal.contrib;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
