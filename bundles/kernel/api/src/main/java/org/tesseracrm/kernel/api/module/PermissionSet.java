package org.tesseracrm.kernel.api.module;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** Registered by a module to declare the permissions it checks. Service property {@link ModuleDescriptor#ID}. */
@ConsumerType
public interface PermissionSet {
    /** @return the module's permissions, in display order */
    List<Permission> permissions();
}
