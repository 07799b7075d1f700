package org.tesseracrm.distribution;

import java.io.IOException;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The same obligations, totals, aging, permissions, REST API and module life cycle as {@link CollectionsModuleIT},
 * with the distribution pointed at PostgreSQL ({@link PaxExamSupport#postgres()}). Needs the server {@code .ci/run}
 * starts.
 */
public class CollectionsModulePostgresIT extends CollectionsModuleIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(httpPort(), PaxExamSupport.postgres());
    }
}
