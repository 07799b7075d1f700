package org.tesseracrm.automation.internal.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.Contribution;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.GroupInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/**
 * What the automation screens ask of the platform, in one place: the service (which checks every permission), the
 * record types the administrator sees and their fields, users and groups for the parameter selects, and the record
 * form a run log's record opens. Lookups that the caller may not make answer empty, and the inputs then take typed
 * values.
 *
 * @param automation the rules and their run log
 * @param types the installed record types
 * @param fields the record types' fields
 * @param access the caller's permissions, users they may name
 * @param security groups, when the caller may read them
 * @param kit the record form
 */
record AutomationServices(Automation automation, RecordTypes types, CustomFields fields, AccessControl access,
        Optional<SecurityAdmin> security, RecordKit kit) {

    /** @return the record types whose module's records the caller may view, by label */
    List<RecordType> recordTypes() {
        return types.all().stream().filter(t -> access.permitted(t.moduleId() + ".view"))
                .sorted(Comparator.comparing(RecordType::label)).toList();
    }

    /**
     * @param type a record type id
     * @return its label, or the id when it is not installed
     */
    String typeLabel(String type) {
        return types.find(type).map(RecordType::label).orElse(type);
    }

    /**
     * @param type a record type id
     * @return its fields, predefined and custom; none when it is not installed
     */
    List<FieldDefinition> fields(String type) {
        try {
            return fields.fields(type);
        } catch (CrmException e) {
            return List.of();
        }
    }

    /**
     * @param type a record type id
     * @param field a pick-list field
     * @return its values
     */
    List<String> pickList(String type, String field) {
        try {
            return fields.pickList(type, field).stream().map(PickListValue::value).toList();
        } catch (CrmException e) {
            return List.of();
        }
    }

    /** @return the users the caller may name */
    List<String> users() {
        try {
            return access.assignableUsers();
        } catch (CrmException e) {
            return List.of();
        }
    }

    /** @return the group names, none when the caller may not read groups */
    List<String> groups() {
        try {
            return security.map(s -> s.groups().stream().map(GroupInfo::name).sorted().toList()).orElse(List.of());
        } catch (CrmException e) {
            return List.of();
        }
    }

    /**
     * @param contribution a trigger or an action
     * @param type a record type id
     * @return whether a rule of that type may use it
     */
    static boolean appliesTo(Contribution contribution, String type) {
        return contribution.recordTypes().contains(RecordType.ALL) || contribution.recordTypes().contains(type);
    }

    /**
     * @param type a record type id
     * @return what the parameter selects of a rule of that type offer
     */
    ParameterForm.Choices choices(String type) {
        return new ParameterForm.Choices(type == null ? List.of() : fields(type), users(), groups());
    }
}
