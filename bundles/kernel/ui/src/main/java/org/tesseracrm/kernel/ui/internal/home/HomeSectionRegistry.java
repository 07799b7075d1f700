package org.tesseracrm.kernel.ui.internal.home;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.ui.HomeSection;
import org.tesseracrm.kernel.ui.internal.contrib.ContributionRegistry;

/**
 * The Home page sections modules add, in their {@link HomeSection#ORDER}, each with the permission its
 * {@link HomeSection#PERMISSION} property names. A section is created on the UI thread while the page is
 * built; one whose title or component fails is shown as failed, and the others are not affected.
 */
@org.osgi.service.component.annotations.Component(service = HomeSectionRegistry.class, immediate = true)
public class HomeSectionRegistry extends ContributionRegistry<HomeSectionRegistry.Section> {

    /**
     * A contributed section as the Home page reads it.
     *
     * @param permission what a user needs to see it, or empty for everyone signed in
     * @param section the module's section
     */
    public record Section(String permission, HomeSection section) {
    }

    /**
     * What creating a section came to for one user.
     *
     * @param title its heading, or a neutral one if even that failed
     * @param component what it shows; empty if it shows nothing to this user or failed
     * @param failed whether the module's code failed
     */
    public record Created(String title, Optional<Component> component, boolean failed) {
    }

    /** @param guard isolates the sections */
    @Activate
    public HomeSectionRegistry(@Reference SafeCaller guard) {
        super(guard, HomeSection.ORDER);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSection")
    void addSection(HomeSection section, Map<String, Object> properties) {
        Object permission = properties.get(HomeSection.PERMISSION);
        add(new Section(permission == null ? "" : permission.toString().strip(), section), properties);
    }

    void removeSection(HomeSection section) {
        // the registry compares the objects it was given: find the wrapper holding this section
        all().stream().filter(s -> s.section() == section).findFirst().ifPresent(this::remove);
    }

    @Override
    protected Optional<Section> guarded(Section section) {
        return Optional.of(section);
    }

    /**
     * @param permitted whether the user holds a permission
     * @return the sections the user may see, created for them in order; a failing one is marked failed
     */
    public List<Created> create(java.util.function.Predicate<String> permitted) {
        return all().stream().filter(s -> s.permission().isEmpty() || permitted.test(s.permission()))
                .map(this::create).filter(c -> c.failed() || c.component().isPresent()).toList();
    }

    private Created create(Section section) {
        HomeSection module = section.section();
        Optional<String> title = guard().call(module, "title", module::title);
        // wrapped so that "shows nothing" (empty) and "failed" (the guard's empty) differ
        Optional<Optional<Component>> component = guard().call(module, "create", module::create);
        boolean failed = title.isEmpty() || component.isEmpty();
        return new Created(title.orElse("Section"), component.flatMap(c -> c), failed);
    }
}
