package org.tesseracrm.distribution;

import java.io.IOException;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The same module classes as {@link ModulesIT}, in one boot with the distribution pointed at PostgreSQL
 * ({@link PaxExamSupport#postgres()}): Liquibase migrations, JPA units, the modules' SQL and their data surviving
 * uninstall and reinstall, on the production database. Needs the server {@code .ci/run} starts.
 */
public class ModulesPostgresIT extends ModulesIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(httpPort(), PaxExamSupport.postgres());
    }
}
