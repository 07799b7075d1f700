/** The UI shell's implementation; nothing here is API. Module views use Vaadin and the kernel API only. */
package org.tesseracrm.kernel.ui.internal;
