package org.tesseracrm.distribution;

import java.io.IOException;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The same security checks as {@link SecurityIT} on PostgreSQL ({@link PaxExamSupport#postgres()}):
 * the visibility condition and the audit queries run in the production database too.
 */
public class SecurityPostgresIT extends SecurityIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(httpPort(), PaxExamSupport.postgres());
    }
}
