/** A report's result written to xlsx or csv. */
package org.tesseracrm.reports.internal.export;
