package org.tesseracrm.distribution;

import java.io.IOException;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The same per-viewer figures, drill, cache invalidation, REST API and module life cycle as {@link ReportsModuleIT},
 * with the distribution pointed at PostgreSQL ({@link PaxExamSupport#postgres()}): the aggregate SQL and the module's
 * tables on the second database. Needs the server {@code .ci/run} starts.
 */
public class ReportsModulePostgresIT extends ReportsModuleIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(httpPort(), PaxExamSupport.postgres());
    }
}
