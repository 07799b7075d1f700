/**
 * The E-mail integration's services: mail accounts ({@link MailAccounts}), templates with merge fields
 * ({@link MailTemplates}), the outbox that sends on the durable timers ({@link Mailer}) and the log of mail sent and
 * captured on records ({@link MailLog}). Every method checks the caller's permissions and record visibility.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.email.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
