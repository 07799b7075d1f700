package ${package}.internal.ui;

import ${package}.api.${recordClass}Service;
import ${package}.internal.${moduleName}Module;
import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/** Contributes the ${recordType}s list at {@code /${moduleId}}, with its menu entry, to users who may see ${recordType}s. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = ${moduleName}Module.ID, title = "${recordClass}s", icon = "vaadin:cube", group = "${moduleName}", order = 10,
        permission = ${moduleName}Module.VIEW)
public class ${recordClass}sViewContribution implements ViewContribution {
    private final RecordKit kit;

    /**
     * @param kit the record list and form
     * @param type the record type, so the view appears only once ${recordType}s can be stored
     */
    @Activate
    public ${recordClass}sViewContribution(@Reference RecordKit kit,
            @Reference(target = "(" + RecordType.ID + "=" + ${recordClass}Service.RECORD_TYPE + ")") RecordType type) {
        this.kit = kit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return ${recordClass}sView.class;
    }

    @Override
    public Component createView() {
        return new ${recordClass}sView(kit);
    }
}
