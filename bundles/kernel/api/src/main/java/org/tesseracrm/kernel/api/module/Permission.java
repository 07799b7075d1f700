package org.tesseracrm.kernel.api.module;

import java.util.List;
import java.util.Objects;

/**
 * One permission a module defines, such as {@code contacts.edit}.
 *
 * @param id {@code <module id>.<action>}, stable: profiles store it
 * @param label what an admin sees in the permission matrix
 */
public record Permission(String id, String label) {
    /** The actions every record module offers, in the order an admin expects them. */
    public static final List<String> STANDARD_ACTIONS = List.of(
            "view", "create", "edit", "delete", "import", "export", "bulk-edit", "bulk-delete", "configure");

    /** Checks both parts are present. */
    public Permission {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }

    /**
     * @param moduleId e.g. {@code contacts}
     * @return the standard permission set of a record module: view, create, edit, delete, import,
     *     export, bulk edit, bulk delete and configure
     */
    public static List<Permission> standard(String moduleId) {
        return STANDARD_ACTIONS.stream()
                .map(action -> new Permission(moduleId + "." + action, action.replace('-', ' ')))
                .toList();
    }
}
