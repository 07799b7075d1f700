/**
 * The Reports module's API: saved reports over any installed record type ({@link Reports}), what a report computes
 * ({@link ReportSpec}: the kernel's groupings and measures over a list query), who it is shared with
 * ({@link Sharing}), its results ({@link ReportResult}) and ready-made reports any bundle contributes as a
 * whiteboard service ({@link ReportSource}). Every figure is computed as the caller, so it respects the caller's
 * permissions and record visibility: two users running the same report see their own numbers.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.reports.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
