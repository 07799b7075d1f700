package org.tesseracrm.distribution;

import java.io.IOException;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The same REST API and shell commands as {@link AutomationApiIT}, with the distribution pointed at PostgreSQL
 * ({@link PaxExamSupport#postgres()}). Needs the server {@code .ci/postgres} starts.
 */
public class AutomationApiPostgresIT extends AutomationApiIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(httpPort(), PaxExamSupport.postgres());
    }
}
