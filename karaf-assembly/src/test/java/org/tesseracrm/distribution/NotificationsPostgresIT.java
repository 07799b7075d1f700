package org.tesseracrm.distribution;

import java.io.IOException;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The same notifications, source keys under concurrency, rollback, visibility and REST API as {@link NotificationsIT},
 * with the distribution pointed at PostgreSQL ({@link PaxExamSupport#postgres()}). Needs the server {@code .ci/run}
 * starts.
 */
public class NotificationsPostgresIT extends NotificationsIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(httpPort(), PaxExamSupport.postgres());
    }
}
