/**
 * The UI kit every module's views are built from, so all record screens look and behave the same:
 * the record list (lazy grid, search, filters, column chooser, export), the custom fields of a record
 * form, and showing a service's field errors next to the fields.
 */
@Export
@Version("1.3.0")
package org.tesseracrm.kernel.ui.kit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
