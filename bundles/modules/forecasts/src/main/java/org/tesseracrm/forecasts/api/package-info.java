/**
 * The Forecasts module's service ({@link Forecasts}): sales targets per period for the caller, the roles below theirs
 * and the members of their role, with the achieved, pipeline and weighted figures computed from the opportunities,
 * converted into one reporting currency at admin-entered exchange rates. Nobody sees figures of roles above theirs
 * or of sibling branches.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.forecasts.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
