/**
 * What the kit and the shell share: the signed-in user of a Vaadin session ({@link ShellSession}) and
 * how an audit entry's changes are shown ({@link AuditChanges}). Exported for the shell only: modules
 * use the kit, never these classes.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.kernel.ui.internal.shared;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
