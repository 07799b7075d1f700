package com.example.loyalty.internal.service;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Action;
import org.tesseracrm.kernel.api.automation.ActionContext;
import org.tesseracrm.kernel.api.automation.ActionResult;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;

import com.example.loyalty.api.PointsService;

/**
 * A workflow action contributed by this module (a "custom function"): "Award loyalty points" ({@value #ID}) to the
 * rule's contact, with the points and reason the rule's configuration gives. It goes through {@link PointsService}
 * like the contact panel and the bulk action (the engine calls it as the system, inside its transaction, so the
 * points commit with the rule's run log); the award then posts {@link PointsAwardedTrigger}'s event like any other.
 */
@Component(service = Action.class, property = Action.ID + "=" + AwardPointsRuleAction.ID)
public class AwardPointsRuleAction implements Action {
    /** The action's id. */
    public static final String ID = "loyalty.award";

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of("points", "Points", ParameterType.NUMBER, true).withHelp("A whole number, 1 to "
                    + PointsService.MAX_POINTS + "."),
            Parameter.of("reason", "Reason", ParameterType.TEXT, false).withDefault("Workflow rule"));

    private final PointsService points;

    /** @param points awards the points */
    @Activate
    public AwardPointsRuleAction(@Reference PointsService points) {
        this.points = points;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Award loyalty points";
    }

    @Override
    public Set<String> recordTypes() {
        return Set.of("contact");
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public ActionResult run(ActionContext context) {
        if (!"contact".equals(context.recordType())) {
            return ActionResult.skipped("Loyalty points go to contacts, not to a " + context.recordType() + ".");
        }
        Award award = Award.of(context.config());
        points.award(List.of(context.recordId()), award.points(), award.reason());
        return ActionResult.done("Awarded " + award.points() + " points to contact #" + context.recordId()
                + (award.reason().isEmpty() ? "" : " (" + award.reason() + ")"));
    }

    /**
     * The action's configuration read.
     *
     * @param points the points, 1 to {@link PointsService#MAX_POINTS}
     * @param reason the reason, may be empty
     */
    record Award(int points, String reason) {
        /**
         * @param config the rule's values
         * @return them read, checked as every award is
         * @throws ValidationException naming {@code points} or {@code reason} when they do not fit
         */
        static Award of(Map<String, String> config) {
            int value = PointsRules.parse(config.get("points"));
            String reason = config.getOrDefault("reason", "").strip();
            PointsRules.check(value, reason);
            return new Award(value, reason);
        }
    }
}
