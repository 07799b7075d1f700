package org.tesseracrm.automation.internal.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;

/**
 * Starts the "date reached" rules when their timer ({@value Engine#DATE_HANDLER}, keyed {@code ruleId:recordId})
 * comes due.
 */
@Component(service = TimerHandler.class, property = TimerHandler.NAME + "=" + Engine.DATE_HANDLER)
public class DateTimer implements TimerHandler {
    private final RuleEngine engine;
    private final Records records;

    /** @param engine queues the run @param records reads the record */
    @Activate
    public DateTimer(@Reference RuleEngine engine, @Reference Records records) {
        this.engine = engine;
        this.records = records;
    }

    @Override
    public void fire(DueTimer timer) {
        engine.dateReached(timer, records);
    }
}
