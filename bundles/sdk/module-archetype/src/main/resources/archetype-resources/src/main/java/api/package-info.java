/**
 * What other bundles may use of the ${moduleName} module. Exported and versioned: a change that breaks
 * callers needs a major version, an addition a minor one (see the implementer guide, "Versioning").
 */
@Export
@Version("1.0.0")
package ${package}.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
