package org.tesseracrm.surveys.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.surveys.internal.SurveysModule;
import org.tesseracrm.surveys.internal.service.SurveyRecordType;

/** Contributes the survey responses list at {@code /surveys} with its menu entry under Service. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "surveys", title = "Survey responses", icon = "vaadin:smiley-o", group = "Service", order = 40,
        permission = SurveysModule.VIEW)
public class SurveysViewContribution implements ViewContribution {
    private final RecordKit kit;

    /**
     * @param kit the record list and form
     * @param type the record type, so the view appears only once it is registered (its schema migrated)
     */
    @Activate
    public SurveysViewContribution(@Reference RecordKit kit,
            @Reference(target = "(" + RecordType.ID + "=" + SurveyRecordType.ID + ")") RecordType type) {
        this.kit = kit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return SurveysView.class;
    }

    @Override
    public Component createView() {
        return new SurveysView(kit);
    }
}
