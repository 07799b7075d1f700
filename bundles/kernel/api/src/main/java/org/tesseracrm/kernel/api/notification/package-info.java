/**
 * In-app notifications: short messages to one user, shown by the bell in the top bar of the user's pages (pushed
 * live into open sessions) and listed by the REST API. Modules send them on behalf of the system (escalation of
 * late cases, reminders, automation, mentions) through {@link org.tesseracrm.kernel.api.notification.Notifications};
 * a notification may link one record, whose title the recipient sees only if they may see the record. A source key
 * makes sending idempotent, so work that may be retried (a durable timer after a restart) notifies once.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.kernel.api.notification;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
