package com.example.loyalty.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.tesseracrm.kernel.api.module.ModuleRegistry;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.SecurityAdmin;

/**
 * Boots the real Tessera distribution, drops this module's KAR into its {@code deploy/} folder as an
 * admin would, and checks the module works, refuses a user without its permissions, goes away
 * completely when the KAR is removed, and comes back with its data; workflow rules using the module's trigger and
 * action run, are suspended while the KAR is removed and resume when it is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LoyaltyModuleIT {
    private static final String BUNDLE = "com.example.loyalty";
    private static final Caller ADMIN = new Caller("admin");
    private static final int HTTP_PORT = freePort();

    @Inject
    private BundleContext context;
    @Inject
    private CallerContext callers;
    @Inject
    private Records records;
    @Inject
    private ModuleRegistry modules;
    @Inject
    private SecurityAdmin security;

    @Configuration
    public Option[] config() {
        return new Option[] {
                karafDistributionConfiguration()
                        .frameworkUrl(new File(System.getProperty("tessera.distribution")).toURI().toString())
                        .karafVersion(System.getProperty("karaf.version"))
                        .name("Tessera CRM")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                keepRuntimeFolder(), // target/exam/<id>/data/log/karaf.log stays for diagnosis
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(HTTP_PORT)),
                systemProperty("module.kar").value(System.getProperty("module.kar")),
                systemProperty("it.httpPort").value(String.valueOf(HTTP_PORT)),
                // @Inject waits up to 2 minutes for its service: a first boot on a busy machine can take longer
                // than Pax Exam's default 10 s
                systemProperty("pax.exam.service.timeout").value("120000"),
        };
    }

    @Test
    public void theKarDeploysWorksUndeploysAndRedeploysWithItsData() throws Exception {
        Path kar = Path.of(System.getProperty("module.kar"));
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", kar.getFileName().toString());

        // Deploy: the module's view, menu entry and record type appear.
        Files.copy(kar, deployed, StandardCopyOption.REPLACE_EXISTING);
        assertTrue("the module in the registry with its route", eventually(() -> modules.module("loyalty")
                .map(m -> m.routes().contains("loyalty")).orElse(false)));
        assertTrue("the module in /health", eventually(() -> health().contains("\"id\":\"loyalty\"")));

        // The module's own service, as the admin and as a user without its permissions.
        String name = "Mug " + System.nanoTime();
        long mugId = ServiceChecks.run(context, callers, security, records, name);
        // Its workflow trigger and action: rules using them run
        AutomationChecks automation = new AutomationChecks(context, callers, records);
        automation.rulesRun();

        // Undeploy: the module, its bundle and every service of it go away; the kernel keeps running.
        Files.delete(deployed);
        assertTrue("the module left the registry", eventually(() -> modules.module("loyalty").isEmpty()));
        assertTrue("the bundle is gone", eventually(() -> bundle() == null));
        assertFalse("the module left /health", health().contains("\"id\":\"loyalty\""));
        assertEquals(200, get("/login").statusCode());
        automation.rulesSuspended();

        // Redeploy: the reward stored before is still there.
        Files.copy(kar, deployed, StandardCopyOption.REPLACE_EXISTING);
        assertTrue("the module is back", eventually(() -> modules.module("loyalty")
                .map(m -> m.routes().contains("loyalty")).orElse(false)));
        RecordRow kept = callers.callAs(ADMIN, () -> records.get("reward", mugId)).orElseThrow();
        assertEquals(name, kept.text("name"));
        assertNotNull(bundle());
        automation.rulesResume();
    }

    private Bundle bundle() {
        for (Bundle bundle : context.getBundles()) {
            if (BUNDLE.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static String health() {
        return get("/health").body();
    }

    private static HttpResponse<String> get(String path) {
        try {
            int port = Integer.parseInt(System.getProperty("it.httpPort"));
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
