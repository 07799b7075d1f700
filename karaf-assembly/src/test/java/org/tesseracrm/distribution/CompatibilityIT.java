package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;
import static org.tesseracrm.distribution.PaxExamSupport.freePortOrFail;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

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
import org.osgi.framework.ServiceReference;
import org.tesseracrm.kernel.api.module.ModuleRegistry;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * The compatibility promise: a module compiled against the previous API release
 * ({@code bundles/sdk/compat-fixture}, built against 0.1.0) installs on the current kernel, its record
 * type, view and bulk action work, and it leaves cleanly.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CompatibilityIT {
    private static final Caller ADMIN = new Caller("admin");
    private static final String TYPE = "compatnote";

    @Inject
    private BundleContext context;
    @Inject
    private CallerContext callers;
    @Inject
    private Records records;
    @Inject
    private ModuleRegistry modules;
    /** Getting it activates the kernel's authenticator, which creates the first admin the test acts as. */
    @Inject
    private Authenticator authenticator;

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(freePortOrFail(),
                systemProperty("tessera.compatFixture").value(System.getProperty("tessera.compatFixture")));
    }

    @Test
    public void aModuleBuiltAgainstThePreviousApiRunsOnTheCurrentKernel() throws Exception {
        File fixture = new File(System.getProperty("tessera.compatFixture"));
        assertTrue("the fixture is built: " + fixture, fixture.isFile());
        Bundle bundle = context.installBundle(fixture.toURI().toString());
        String imports = bundle.getHeaders().get("Import-Package");
        assertTrue("built against ui 1.0: " + imports, imports.contains("org.tesseracrm.kernel.api.ui;version=\"[1.0,2)\""));
        assertTrue("built against record 2.0: " + imports, imports.contains("org.tesseracrm.kernel.api.record;version=\"[2.0,3)\""));
        bundle.start();

        assertTrue("the module and its route", eventually(() -> modules.module("compat")
                .map(m -> m.routes().contains("compat")).orElse(false)));
        RecordRow note = callers.callAs(ADMIN, () -> records.create(TYPE, Map.of("text", "Written by an old module")));
        assertEquals("admin", note.text("owner"));

        // The kernel calls BulkAction.run(type, ids, values) of record API 2.1; the fixture implements
        // only the 2.0 run(type, ids), which the default method reaches.
        ServiceReference<BulkAction> ref = context.getServiceReferences(BulkAction.class,
                "(" + RecordType.ID + "=" + TYPE + ")").iterator().next();
        BulkAction count = context.getService(ref);
        assertNotNull(count);
        assertEquals("Counted 1 compatnote", callers.callAs(ADMIN, () -> count.run(TYPE, List.of(note.id()), Map.of())));
        context.ungetService(ref);

        bundle.uninstall();
        assertTrue("the module left", eventually(() -> modules.module("compat").isEmpty()));
        assertTrue("its record type left", eventually(() -> {
            try {
                return context.getServiceReferences(RecordType.class, "(" + RecordType.ID + "=" + TYPE + ")").isEmpty();
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

}
