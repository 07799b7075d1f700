package org.tesseracrm.distribution;

import java.io.IOException;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The same quote rules, PDF, REST API and module life cycle as {@link QuotesModuleIT}, with the distribution pointed
 * at PostgreSQL ({@link PaxExamSupport#postgres()}). Needs the server {@code .ci/run} starts.
 */
public class QuotesModulePostgresIT extends QuotesModuleIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(httpPort(), PaxExamSupport.postgres());
    }
}
