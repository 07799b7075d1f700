package org.tesseracrm.kernel.ui.internal.admin;

import java.util.List;

import org.tesseracrm.kernel.api.module.Permission;

/**
 * One row of the permission matrix: an installed module's permissions.
 *
 * @param moduleId the module id
 * @param label the module name
 * @param permissions its permissions in display order
 */
public record PermissionGroup(String moduleId, String label, List<Permission> permissions) {
}
