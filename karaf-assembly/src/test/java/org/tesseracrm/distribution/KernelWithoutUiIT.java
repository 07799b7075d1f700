package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.tesseracrm.kernel.api.module.HealthIndicator;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * The kernel without the web UI (issue 17): a distribution that boots only {@code crm-kernel-base} has no
 * shell, no UI contract and no Vaadin, every Tessera bundle in it is active, and the record platform serves
 * a record type the probe registers (create, read, page) for the first admin.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KernelWithoutUiIT {
    private static final Caller ADMIN = new Caller("admin");
    private static final String TYPE = "kwunote";
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();
    /** Karaf's own boot features as the assembly installs them, with the base kernel instead of crm-kernel and the modules. */
    private static final String BOOT = "package, scr, log, ssh, framework, system, feature, shell, service, jaas, deployer,"
            + " diagnostic, wrap, bundle, config, kar, crm-kernel-base";
    /** The six health parts the kernel registers without the shell (the shell serves them as /health). */
    private static final List<String> HEALTH_PARTS = List.of("accounts", "contributions", "database", "modules", "schema",
            "timers");

    @Inject
    private BundleContext context;
    @Inject
    private BootFinished bootFinished;
    @Inject
    private CallerContext callers;
    @Inject
    private Records records;
    /** Getting it activates the kernel's authenticator, which creates the first admin the test acts as. */
    @Inject
    private Authenticator authenticator;

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT,
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot", BOOT));
    }

    @Test
    public void theKernelResolvesAndServesRecordsWithoutTheWebUi() throws Exception {
        List<String> tessera = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = String.valueOf(bundle.getSymbolicName());
            assertFalse("no UI bundle: " + name, List.of("org.tesseracrm.kernel.ui", "org.tesseracrm.kernel.ui.api",
                    "org.tesseracrm.vaadin").contains(name));
            assertEquals("no Vaadin exported by " + name, List.of(), vaadinExports(bundle));
            if (name.startsWith("org.tesseracrm.")) {
                tessera.add(name);
            }
        }
        assertTrue("the base kernel is installed: " + tessera, tessera.containsAll(List.of("org.tesseracrm.kernel.api",
                "org.tesseracrm.kernel.persistence", "org.tesseracrm.kernel.core", "org.tesseracrm.kernel.records")));
        assertTrue("every Tessera bundle active (fragments resolved): " + tesseraStates(), eventually(() -> tesseraStates()
                .values().stream().allMatch(state -> state.equals("ACTIVE") || state.equals("fragment"))));

        createTables();
        ServiceRegistration<RecordType> type = context.registerService(RecordType.class, new NoteType(),
                new Hashtable<>(Map.of(RecordType.ID, TYPE)));
        try {
            List<Long> ids = new ArrayList<>();
            for (String text : List.of("Charlie", "Alpha", "Bravo")) {
                RecordRow created = callers.callAs(ADMIN, () -> records.create(TYPE, Map.of("text", text)));
                assertEquals("admin", created.text("owner"));
                ids.add(created.id());
            }
            Optional<RecordRow> read = callers.callAs(ADMIN, () -> records.get(TYPE, ids.get(0)));
            assertEquals("Charlie", read.orElseThrow().text("text"));
            assertEquals(List.of("Alpha", "Bravo"), texts(RecordQuery.page(0, 2)));
            assertEquals(List.of("Charlie"), texts(RecordQuery.page(2, 2)));
            assertEquals(3L, (long) callers.callAs(ADMIN, () -> records.count(TYPE, RecordQuery.page(0, 1), 10)));
        } finally {
            type.unregister();
        }

        // /health is the shell's (org.tesseracrm.kernel.ui): without it nothing answers there, but the kernel's
        // health parts are all registered and up.
        assertEquals("/health is served by the shell only", 404, status("/health"));
        assertTrue("health parts up: " + health(), eventually(() -> {
            Map<String, String> health = health();
            return health.keySet().containsAll(HEALTH_PARTS) && health.values().stream().allMatch("UP"::equals);
        }));
    }

    private List<String> texts(RecordQuery query) {
        return callers.callAs(ADMIN, () -> records.page(TYPE, query)).stream().map(row -> row.text("text")).toList();
    }

    private static List<String> vaadinExports(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of(); // uninstalled meanwhile
        }
        List<String> found = new ArrayList<>();
        for (BundleCapability capability : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            String name = String.valueOf(capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE));
            if (name.startsWith("com.vaadin")) {
                found.add(name);
            }
        }
        return found;
    }

    private Map<String, String> tesseraStates() {
        Map<String, String> states = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (String.valueOf(bundle.getSymbolicName()).startsWith("org.tesseracrm.")) {
                boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
                states.put(bundle.getSymbolicName(), fragment && bundle.getState() == Bundle.RESOLVED ? "fragment"
                        : bundle.getState() == Bundle.ACTIVE ? "ACTIVE" : "state " + bundle.getState());
            }
        }
        return states;
    }

    /** The probe's own table and id table, as a module's changelog would create them. */
    private void createTables() throws Exception {
        assertTrue("the crm DataSource", eventually(() -> !dataSources().isEmpty()));
        DataSource dataSource = context.getService(dataSources().get(0));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE KWU_NOTE (ID BIGINT NOT NULL PRIMARY KEY, TEXT VARCHAR(200) NOT NULL,"
                    + " OWNER VARCHAR(100) NOT NULL, CREATED_AT TIMESTAMP NOT NULL, UPDATED_AT TIMESTAMP NOT NULL,"
                    + " VERSION BIGINT NOT NULL)");
            s.execute("CREATE TABLE KWU_ID_GEN (GEN_NAME VARCHAR(50) NOT NULL PRIMARY KEY, GEN_VALUE BIGINT)");
            s.execute("INSERT INTO KWU_ID_GEN (GEN_NAME, GEN_VALUE) VALUES ('NOTE', 0)");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } finally {
            context.ungetService(dataSources().get(0));
        }
    }

    private List<ServiceReference<DataSource>> dataSources() {
        try {
            return new ArrayList<>(context.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=crm)"));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> health() {
        Map<String, String> states = new TreeMap<>();
        try {
            for (ServiceReference<HealthIndicator> ref : context.getServiceReferences(HealthIndicator.class, null)) {
                HealthIndicator indicator = context.getService(ref);
                if (indicator != null) {
                    HealthStatus status = indicator.status();
                    states.put(String.valueOf(ref.getProperty(HealthIndicator.COMPONENT)), status.state().name());
                    context.ungetService(ref);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return states;
    }

    private static int status(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Record type {@code kwunote}: a text, an owner and timestamps, in the probe's own table. */
    static final class NoteType implements RecordType {
        @Override
        public String id() {
            return TYPE;
        }

        @Override
        public String moduleId() {
            return "kwu";
        }

        @Override
        public String label() {
            return "Note";
        }

        @Override
        public String pluralLabel() {
            return "Notes";
        }

        @Override
        public String table() {
            return "KWU_NOTE";
        }

        @Override
        public List<FieldDefinition> fields() {
            return List.of(FieldDefinition.predefined("text", "Text", FieldType.TEXT, "TEXT", true, 200),
                    FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100),
                    FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
                    FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));
        }

        @Override
        public List<String> titleFields() {
            return List.of("text");
        }

        @Override
        public List<String> searchFields() {
            return List.of(); // no search index on the probe's table
        }

        @Override
        public List<SortOrder> defaultSort() {
            return List.of(new SortOrder("text", true));
        }

        @Override
        public Optional<IdGenerator> ids() {
            return Optional.of(new IdGenerator("KWU_ID_GEN", "GEN_NAME", "GEN_VALUE", "NOTE"));
        }
    }
}
