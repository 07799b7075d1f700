/**
 * Who is calling and what they may do: authentication, the current caller, access control, and the
 * administration of users, roles, groups and permission profiles.
 */
@Export
@Version("1.3.0")
package org.tesseracrm.kernel.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
