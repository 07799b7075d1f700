/**
 * The Reports module's screens: Reports → Reports (the list, the builder with its preview, chart and table, the
 * viewer of ready-made reports) and the click-through to a row's records.
 */
package org.tesseracrm.reports.internal.ui;
