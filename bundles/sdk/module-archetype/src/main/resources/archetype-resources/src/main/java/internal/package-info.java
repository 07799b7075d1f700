/** The ${moduleName} module's implementation; nothing here is API. */
@Header(name = MigratedSchema.CHANGELOG_HEADER, value = "db/changelog/${moduleId}.yaml")
package ${package}.internal;

import org.osgi.annotation.bundle.Header;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
