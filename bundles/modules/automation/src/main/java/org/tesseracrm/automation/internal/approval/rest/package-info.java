/** {@code /api/v1/automation/approvals}: approval processes and a record's approval over REST. */
package org.tesseracrm.automation.internal.approval.rest;
