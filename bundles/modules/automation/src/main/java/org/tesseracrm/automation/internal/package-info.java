/** The Automation module's implementation; nothing here is API (the extension points are org.tesseracrm.kernel.api.automation). */
package org.tesseracrm.automation.internal;
