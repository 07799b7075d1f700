/** The Automation module's REST resource, {@code /api/v1/automation}, and the JSON forms it reads and writes. */
package org.tesseracrm.automation.internal.rest;
