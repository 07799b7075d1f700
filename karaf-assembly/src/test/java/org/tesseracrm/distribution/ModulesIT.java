package org.tesseracrm.distribution;

import java.io.IOException;

import javax.inject.Inject;

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

/**
 * The business modules' Pax Exam checks on Derby, one boot for all of them ({@link Members}): each test runs every
 * test of one module's class. The order matters: a member's class is loaded by the probe once, wired to the API
 * bundles then installed, and a module uninstalled and installed again (a member's hot-deploy check, or a module it
 * needs) leaves those wires stale. So the members that use other modules' APIs come first, and the members that
 * uninstall modules others need (products, opportunities, cases, contacts and companies) come last. A module's class
 * still runs alone with {@code -Dit.test=FaqModuleIT}; the build runs it only here (the failsafe excludes of
 * karaf-assembly/pom.xml).
 * {@link ModulesPostgresIT} runs the same classes on PostgreSQL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ModulesIT {
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT);
    }

    /** @return the HTTP port the container is told to use */
    static int httpPort() {
        return HTTP_PORT;
    }

    @Test
    public void m01_quotes() throws Exception {
        Members.run(QuotesModuleIT.class, context);
    }

    @Test
    public void m02_forecasts() throws Exception {
        Members.run(ForecastsModuleIT.class, context);
    }

    @Test
    public void m03_casesSla() throws Exception {
        Members.run(CasesSlaIT.class, context);
    }

    @Test
    public void m04_notifications() throws Exception {
        Members.run(NotificationsIT.class, context);
    }

    @Test
    public void m05_faq() throws Exception {
        Members.run(FaqModuleIT.class, context);
    }

    @Test
    public void m06_collections() throws Exception {
        Members.run(CollectionsModuleIT.class, context);
    }

    @Test
    public void m07_projects() throws Exception {
        Members.run(ProjectsModuleIT.class, context);
    }

    @Test
    public void m08_leads() throws Exception {
        Members.run(LeadsModuleIT.class, context);
    }

    @Test
    public void m08b_surveys() throws Exception {
        Members.run(SurveysModuleIT.class, context);
    }

    @Test
    public void m09_reports() throws Exception {
        Members.run(ReportsModuleIT.class, context);
    }

    @Test
    public void m10_products() throws Exception {
        Members.run(ProductsModuleIT.class, context);
    }

    @Test
    public void m11_opportunities() throws Exception {
        Members.run(OpportunitiesModuleIT.class, context);
    }

    @Test
    public void m12_cases() throws Exception {
        Members.run(CasesModuleIT.class, context);
    }

    @Test
    public void m13_contacts() throws Exception {
        Members.run(ContactsModuleIT.class, context);
    }
}
