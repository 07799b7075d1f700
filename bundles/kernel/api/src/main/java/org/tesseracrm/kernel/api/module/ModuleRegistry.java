package org.tesseracrm.kernel.api.module;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The kernel's live view of the modules that are installed and what they contribute. */
@ProviderType
public interface ModuleRegistry {
    /** @return every installed module, sorted by id; an immutable snapshot */
    List<InstalledModule> modules();

    /**
     * @param id a module id
     * @return the module, if installed
     */
    Optional<InstalledModule> module(String id);
}
