package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.projects.api.ProjectFields;

/**
 * Boots the real distribution with the Projects module: a project made with its customer, dates and budget takes
 * the status default; an end before the start is refused; a user without the module is refused; the module goes and
 * comes back with its projects. Names carry the run's id: the PostgreSQL ITs of one run share one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ProjectsModuleIT {
    private static final String FEATURE = "crm-projects";
    private static final String BUNDLE = "org.tesseracrm.projects";
    private static final String PROJECT = ProjectFields.RECORD_TYPE;
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private CallerContext callers;

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT);
    }

    /** @return the HTTP port the container is told to use */
    static int httpPort() {
        return HTTP_PORT;
    }

    @Before
    public void theModuleIsInstalled() throws Exception {
        assertTrue("Karaf finished installing its boot features",
                eventually(60, () -> context.getServiceReference(BootFinished.class) != null));
        if (!features.isInstalled(features.getFeature(FEATURE))) {
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        }
        Records records = PaxExamSupport.waitFor(context, Records.class);
        for (String type : List.of(PROJECT, "company")) {
            assertTrue("the record type " + type, eventually(() -> typeReady(records, type)));
        }
    }

    @Test
    public void t1_aProjectKeepsItsDatesInOrder() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        assertTrue("the projects view", eventually(() -> PaxExamSupport.viewReference(context, "projects") != null));
        long company = admin(() -> records.create("company", RecordValues.builder().set("name", "Ñandú P1 " + RUN)
                .build())).id();
        RecordRow project = admin(() -> records.create(PROJECT, RecordValues.builder()
                .set(ProjectFields.NAME, "Roll-out " + RUN).set(ProjectFields.COMPANY, company)
                .set(ProjectFields.START_DATE, LocalDate.of(2026, 1, 5)).set(ProjectFields.END_DATE, LocalDate.of(2026, 1, 5))
                .set(ProjectFields.BUDGET, new BigDecimal("15000.00")).set(ProjectFields.CURRENCY, "EUR").build()));
        assertEquals(company, project.lookup(ProjectFields.COMPANY).orElseThrow());
        assertEquals(0, new BigDecimal("15000").compareTo(project.decimal(ProjectFields.BUDGET).orElseThrow()));
        ValidationException late = assertThrows(ValidationException.class, () -> admin(() -> records.update(PROJECT,
                project.id(), project.version(), RecordValues.builder().set(ProjectFields.END_DATE,
                        LocalDate.of(2026, 1, 4)).build())));
        assertEquals(List.of(ProjectFields.END_DATE), late.errors().stream().map(FieldError::field).toList());
        assertEquals(LocalDate.of(2026, 1, 5), admin(() -> records.get(PROJECT, project.id())).orElseThrow()
                .date(ProjectFields.END_DATE).orElseThrow());
    }

    @Test
    public void t2_aUserWithoutTheModuleIsRefused() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        String outsider = "noproj" + RUN;
        admin(() -> {
            ProfileInfo other = security.saveProfile(new ProfileInfo(null, "No projects " + RUN, false,
                    Set.of("contacts.view")));
            return security.createUser(new UserInput(outsider, "Outsider", "", "", null, other.id(), Set.of()),
                    "Secret-pass-1".toCharArray());
        });
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(new Caller(outsider),
                () -> records.page(PROJECT, RecordQuery.page(0, 10))));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(new Caller(outsider),
                () -> records.create(PROJECT, RecordValues.builder().set(ProjectFields.NAME, "Not mine").build())));
    }

    @Test
    public void t3_theModuleGoesAndComesBackWithItsProjects() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        RecordRow kept = admin(() -> records.create(PROJECT, RecordValues.builder()
                .set(ProjectFields.NAME, "Kept " + RUN).build()));
        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the module's services left", eventually(() -> PaxExamSupport.servicesOf(context, BUNDLE) == 0
                && !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        assertThrows(CrmException.class, () -> admin(() -> records.get(PROJECT, kept.id())));
        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the record type is back", eventually(() -> typeReady(records, PROJECT)));
        assertEquals("Kept " + RUN, admin(() -> records.get(PROJECT, kept.id())).orElseThrow()
                .text(ProjectFields.NAME));
    }

    private boolean typeReady(Records records, String type) {
        try {
            admin(() -> records.page(type, RecordQuery.page(0, 1)));
            return true;
        } catch (CrmException e) {
            return false;
        }
    }

    private <T> T admin(Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }
}
