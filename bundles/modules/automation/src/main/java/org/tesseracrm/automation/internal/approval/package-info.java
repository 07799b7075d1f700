/** Approval processes (issue 22 item 5): processes, requests and decisions, the lock and gate in record changes. */
package org.tesseracrm.automation.internal.approval;
