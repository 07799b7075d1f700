package org.tesseracrm.kernel.core.internal.security;

import java.io.Serializable;
import java.security.Principal;

/**
 * Marks a JAAS subject as signed in through the Tessera realm, so shell commands know which CRM user
 * runs them.
 *
 * @param name the CRM user name
 */
public record TesseraPrincipal(String name) implements Principal, Serializable {
    @Override
    public String getName() {
        return name;
    }
}
