/** The approval processes' admin page and the approval on every record's form. */
package org.tesseracrm.automation.internal.approval.ui;
