/**
 * Modules: what a module contributes to describe itself and its permissions, and how the kernel
 * reports and changes which modules are installed.
 */
@Export
@Version("1.2.0")
package org.tesseracrm.kernel.api.module;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
