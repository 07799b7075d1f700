/**
 * The Automation module's API: the {@link Automation} service through which administrators build, version,
 * switch on and off workflow rules and read their run log (the UI, the REST API and the Karaf shell all go through
 * it), and the shapes it answers with. The extension points themselves (triggers, actions, criteria, business
 * hours) are the kernel API's {@code org.tesseracrm.kernel.api.automation}: a bundle that contributes a trigger or an
 * action needs only the kernel API, not this package.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.automation.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
