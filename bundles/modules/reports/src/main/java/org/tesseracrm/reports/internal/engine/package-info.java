/** Running reports: checking a spec against its record type, the aggregate query, the result cache, the service. */
package org.tesseracrm.reports.internal.engine;
