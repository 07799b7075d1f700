package org.tesseracrm.kernel.core.internal.security;

import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.security.Authenticator;

/**
 * The JAAS realm {@value #NAME}, backed by the kernel's users ({@link TesseraLoginModule}). The
 * distribution points Karaf's SSH shell at it ({@code sshRealm} in {@code org.apache.karaf.shell.cfg}).
 */
@Component(service = JaasRealm.class)
public class TesseraRealm implements JaasRealm {
    /** The realm name. */
    public static final String NAME = "tessera";

    private final AppConfigurationEntry[] entries;

    /**
     * @param context this bundle, from which Karaf's proxy loads the login module
     * @param authenticator checks passwords
     * @param grants checks the shell permission
     */
    @Activate
    public TesseraRealm(BundleContext context, @Reference Authenticator authenticator, @Reference Grants grants) {
        Map<String, Object> options = Map.of(
                ProxyLoginModule.PROPERTY_MODULE, TesseraLoginModule.class.getName(),
                ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()),
                TesseraLoginModule.AUTHENTICATOR, authenticator,
                TesseraLoginModule.GRANTS, grants);
        entries = new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return 0;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
