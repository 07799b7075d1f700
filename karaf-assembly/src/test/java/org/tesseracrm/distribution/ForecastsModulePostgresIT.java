package org.tesseracrm.distribution;

import java.io.IOException;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The same forecasts, visibility, drill-downs and exchange rates as {@link ForecastsModuleIT}, with the distribution
 * pointed at PostgreSQL ({@link PaxExamSupport#postgres()}). Needs the server {@code .ci/run} starts.
 */
public class ForecastsModulePostgresIT extends ForecastsModuleIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(httpPort(), PaxExamSupport.postgres());
    }
}
