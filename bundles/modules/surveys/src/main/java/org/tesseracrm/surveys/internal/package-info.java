/** The Surveys module's implementation; nothing here is API: survey responses are records of type {@code survey}. */
@Header(name = MigratedSchema.CHANGELOG_HEADER, value = "db/changelog/surveys.yaml")
package org.tesseracrm.surveys.internal;

import org.osgi.annotation.bundle.Header;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
