/** Saved reports, their sharing and schedules in the module's tables (reports-core.yaml), and the sharing rules. */
package org.tesseracrm.reports.internal.store;
