package org.tesseracrm.automation.internal.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;

/** Does a run's actions when its timer ({@value Engine#RUN_HANDLER}, keyed by run id) comes due. */
@Component(service = TimerHandler.class, property = TimerHandler.NAME + "=" + Engine.RUN_HANDLER)
public class RunTimer implements TimerHandler {
    private final RuleEngine engine;

    /** @param engine does the run */
    @Activate
    public RunTimer(@Reference RuleEngine engine) {
        this.engine = engine;
    }

    @Override
    public void fire(DueTimer timer) {
        engine.run(timer);
    }
}
