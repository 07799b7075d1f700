package org.tesseracrm.distribution;

import java.io.IOException;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The same case rules, numbering under parallel creates, REST API and module life cycle as {@link CasesModuleIT}, with
 * the distribution pointed at PostgreSQL ({@link PaxExamSupport#postgres()}). Needs the server {@code .ci/postgres}
 * starts.
 */
public class CasesModulePostgresIT extends CasesModuleIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(httpPort(), PaxExamSupport.postgres());
    }
}
