package org.tesseracrm.kernel.api.security;

import java.io.Serializable;
import java.security.Principal;

/**
 * Marks a JAAS subject as signed in through the Tessera realm (the Karaf shell over SSH), so shell commands know which
 * CRM user runs them ({@link ShellCaller}).
 *
 * @param name the CRM user name
 * @since 1.2
 */
public record TesseraPrincipal(String name) implements Principal, Serializable {
    @Override
    public String getName() {
        return name;
    }
}
