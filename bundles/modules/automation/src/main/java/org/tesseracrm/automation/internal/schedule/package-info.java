/** Schedules (issue 22 item 7): actions over a saved view's records at a time, on the kernel's durable timers. */
package org.tesseracrm.automation.internal.schedule;
