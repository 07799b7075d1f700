package org.tesseracrm.kernel.api.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/** Component property type that sets the {@link ViewContribution} service properties. */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CrmView {
    /** Prefix of the generated property names. */
    String PREFIX_ = "crm.view.";

    /** @return see {@link ViewContribution#ROUTE} */
    String route();

    /** @return see {@link ViewContribution#TITLE} */
    String title() default "";

    /** @return see {@link ViewContribution#ICON} */
    String icon() default "vaadin:file-o";

    /** @return see {@link ViewContribution#GROUP} */
    String group() default "";

    /** @return see {@link ViewContribution#ORDER} */
    int order() default 100;

    /** @return see {@link ViewContribution#PERMISSION} */
    String permission() default "";
}
