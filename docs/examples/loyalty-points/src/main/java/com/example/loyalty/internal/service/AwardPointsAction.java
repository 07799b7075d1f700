package com.example.loyalty.internal.service;

import java.util.List;
import java.util.Map;

import com.example.loyalty.api.PointsService;
import com.example.loyalty.internal.LoyaltyModule;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * "Award loyalty points" in the bulk menu of the contacts list (a list the Contacts module owns and
 * knows nothing of this action): the points and the reason are entered once for all ticked contacts.
 */
@Component(service = BulkAction.class, property = RecordType.ID + "=" + PointsServiceImpl.CONTACT)
public class AwardPointsAction implements BulkAction {
    /** The action's id in the contacts' bulk menu. */
    public static final String ID = "loyalty.award-points";
    private static final List<FieldDefinition> INPUTS = List.of(
            FieldDefinition.predefined("points", "Points", FieldType.NUMBER, "POINTS", true, 0),
            FieldDefinition.predefined("reason", "Reason", FieldType.TEXT, "REASON", false, PointsRules.REASON_MAX));

    private final PointsService points;

    /** @param points awards the points, checking the permission itself */
    @Activate
    public AwardPointsAction(@Reference PointsService points) {
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
    public String permission() {
        return LoyaltyModule.AWARD;
    }

    @Override
    public List<FieldDefinition> inputs() {
        return INPUTS;
    }

    @Override
    public String run(String recordType, List<Long> ids, Map<String, String> values) {
        int each = PointsRules.parse(values.get("points"));
        int awarded = points.award(ids, each, values.getOrDefault("reason", ""));
        return String.format("Awarded %,d points to %,d contact%s.", each, awarded, awarded == 1 ? "" : "s");
    }
}
