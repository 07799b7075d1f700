package org.tesseracrm.distribution;

import java.io.IOException;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The same knowledge base rules, suggestions, links to cases, REST API and module life cycle as {@link FaqModuleIT},
 * with the distribution pointed at PostgreSQL ({@link PaxExamSupport#postgres()}). Needs the server {@code .ci/run}
 * starts.
 */
public class FaqModulePostgresIT extends FaqModuleIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(httpPort(), PaxExamSupport.postgres());
    }
}
