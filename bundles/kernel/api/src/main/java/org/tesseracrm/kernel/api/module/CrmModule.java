package org.tesseracrm.kernel.api.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/** Component property type that sets the {@link ModuleDescriptor} service properties. */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CrmModule {
    /** Prefix of the generated property names. */
    String PREFIX_ = "crm.module.";

    /** @return see {@link ModuleDescriptor#ID} */
    String id();

    /** @return see {@link ModuleDescriptor#NAME} */
    String name();

    /** @return see {@link ModuleDescriptor#DESCRIPTION} */
    String description() default "";

    /** @return see {@link ModuleDescriptor#ICON} */
    String icon() default "vaadin:puzzle-piece";
}
