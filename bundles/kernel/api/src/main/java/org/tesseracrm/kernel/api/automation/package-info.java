/**
 * Automation's extension points: workflow {@link org.tesseracrm.kernel.api.automation.Trigger triggers} and
 * {@link org.tesseracrm.kernel.api.automation.Action actions} that any bundle contributes as whiteboard services,
 * the {@link org.tesseracrm.kernel.api.automation.Rule rules} an administrator builds from them, and the value
 * types both sides share. Conditions are the list view's {@link org.tesseracrm.kernel.api.record.Filter filters}
 * (see {@link org.tesseracrm.kernel.api.automation.Criteria}), so a rule's criteria read like a saved list view.
 *
 * <p>The engine that runs rules is the module {@code crm-automation} (bundle {@code org.tesseracrm.automation});
 * nothing here needs it installed: a bundle contributing a trigger or an action registers its services and they
 * wait until the engine is there. Business hours come from any bundle registering
 * {@link org.tesseracrm.kernel.api.automation.BusinessHours} (the service desk's calendars, once it does).
 */
@Export
@Version("1.1.0")
package org.tesseracrm.kernel.api.automation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
