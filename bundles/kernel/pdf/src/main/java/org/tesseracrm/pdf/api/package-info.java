/**
 * PDF documents for every module: {@link PdfRenderer} turns an admin-editable template and a data model into the
 * bytes of a PDF (quotes today; reports and e-signature later), and {@link PdfTemplates} keeps the templates and
 * letterhead texts administrators edit.
 *
 * <p>Templates are <a href="https://freemarker.apache.org/">Apache FreeMarker</a> templates whose output is strict
 * XHTML with CSS (laid out by openhtmltopdf on Apache PDFBox). Every {@code ${...}} is HTML-escaped; a template can
 * neither create Java objects nor call methods of the model, read files or fetch anything over the network (only
 * {@code data:} URIs, e.g. a logo, are loaded). The fonts are the embedded DejaVu Sans family
 * ({@link PdfRenderer#FONT_FAMILY}): Latin with accents, Greek and Cyrillic print as typed.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.pdf.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
