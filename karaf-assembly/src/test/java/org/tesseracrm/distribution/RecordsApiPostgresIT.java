package org.tesseracrm.distribution;

import java.io.IOException;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The same record endpoint checks as {@link RecordsApiIT} on PostgreSQL: cursor paging, filters, bulk transactions
 * and custom columns behave the same in production.
 */
public class RecordsApiPostgresIT extends RecordsApiIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT, PaxExamSupport.postgres());
    }
}
