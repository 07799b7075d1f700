package org.tesseracrm.distribution;

import java.io.IOException;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The same record platform checks as {@link RecordPlatformIT} on PostgreSQL: custom columns added with
 * DDL at runtime, filters, sorting (nulls included) and export behave the same in production.
 */
public class RecordPlatformPostgresIT extends RecordPlatformIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(httpPort(), PaxExamSupport.postgres());
    }
}
