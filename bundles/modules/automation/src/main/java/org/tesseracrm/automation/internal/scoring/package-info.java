/** Scoring rules (issue 22 item 8): points into a NUMBER field of the record, recalculated on change. */
package org.tesseracrm.automation.internal.scoring;
