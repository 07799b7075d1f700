/** Assignment rules (issue 22 item 4): the owner of a new record by ordered rules per record type. */
package org.tesseracrm.automation.internal.assignment;
