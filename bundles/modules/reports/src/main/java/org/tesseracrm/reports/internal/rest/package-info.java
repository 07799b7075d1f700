/** {@code /api/v1/reports}: the reports service over the kernel's REST runtime. */
package org.tesseracrm.reports.internal.rest;
