package org.tesseracrm.kernel.api.module;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Enables and disables modules and profiles at runtime. Karaf's feature state is the single source
 * of truth: every operation goes through its FeaturesService, exactly like {@code feature:install}.
 * A module feature declares the capability {@code org.tesseracrm.module;id=<id>}, a profile feature
 * {@code org.tesseracrm.profile;id=<id>}. Every method requires {@link #MANAGE_MODULES} and throws
 * {@link org.tesseracrm.kernel.api.PermissionDeniedException} without it.
 */
@ProviderType
public interface ModuleAdmin {
    /** Capability namespace that marks a Karaf feature as a Tessera module. */
    String MODULE_NAMESPACE = "org.tesseracrm.module";
    /** Capability namespace that marks a Karaf feature as a Tessera profile. */
    String PROFILE_NAMESPACE = "org.tesseracrm.profile";
    /** The permission every method requires. */
    String MANAGE_MODULES = "administration.modules";

    /** @return every module feature in the known feature repositories, sorted by id */
    List<FeatureInfo> modules();

    /** @return every profile feature in the known feature repositories, sorted by id */
    List<FeatureInfo> profiles();

    /**
     * Installs a module's feature without refreshing other bundles, so other modules keep running.
     *
     * @param id module id
     * @throws org.tesseracrm.kernel.api.NotFoundException if no such module feature exists
     * @throws org.tesseracrm.kernel.api.CrmException if Karaf cannot install it (the message says why)
     */
    void enableModule(String id);

    /**
     * Uninstalls a module's feature; its data stays in the database.
     *
     * @param id module id
     * @throws org.tesseracrm.kernel.api.ConflictException if installed modules need it (quotes need products): the
     *     message names them, to disable first
     * @throws org.tesseracrm.kernel.api.CrmException if another installed feature (such as a profile
     *     feature installed with {@code feature:install}) still requires the module
     */
    void disableModule(String id);

    /**
     * Installs each module the profile lists as a feature of its own (not the profile feature), so
     * single modules can still be disabled afterwards.
     *
     * @param id profile id
     */
    void enableProfile(String id);

    /**
     * Uninstalls every module the profile lists, including modules that were also enabled on their own; modules
     * before the ones they need.
     *
     * @param id profile id
     */
    void disableProfile(String id);
}
