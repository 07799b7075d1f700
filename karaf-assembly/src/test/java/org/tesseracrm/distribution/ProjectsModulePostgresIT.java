package org.tesseracrm.distribution;

import java.io.IOException;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** The same project rules, permissions and module life cycle as {@link ProjectsModuleIT}, on PostgreSQL. */
public class ProjectsModulePostgresIT extends ProjectsModuleIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(httpPort(), PaxExamSupport.postgres());
    }
}
