package org.tesseracrm.projects.internal.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SharedRows;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.projects.api.ProjectFields;
import org.tesseracrm.projects.internal.ProjectsModule;

/**
 * Describes projects to the record platform: lists, forms, filters, import, export, custom fields, notes, files,
 * activities, follow-ups and the REST API come from it. {@link ProjectLifecycle} keeps the dates in order and the
 * number. A project's members see it whoever owns it ({@link #sharedRows}): the platform adds that to every read.
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + ProjectFields.RECORD_TYPE)
public class ProjectRecordType implements RecordType {
    static final String TABLE = "CRM_PROJECT";
    static final IdGenerator IDS = new IdGenerator("PROJECTS_ID_GEN", "GEN_NAME", "GEN_VALUE", "PROJECT");
    /** ISO 4217 codes offered on first install, as the quotes' currency pick-list. */
    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "CAD", "AUD", "MXN", "COP", "BRL");

    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined(ProjectFields.NAME, "Name", FieldType.TEXT, "NAME", true, 200),
            FieldDefinition.predefined(ProjectFields.NUMBER, "Number", FieldType.TEXT, "NUMBER", false, 30),
            lookup(ProjectFields.COMPANY, "Company", "COMPANY_ID", "company"),
            lookup(ProjectFields.CONTACT, "Contact", "CONTACT_ID", "contact"),
            FieldDefinition.predefined(ProjectFields.STATUS, "Status", FieldType.PICKLIST, "STATUS", false, 100),
            FieldDefinition.predefined(ProjectFields.START_DATE, "Start date", FieldType.DATE, "START_DATE", false, 0),
            FieldDefinition.predefined(ProjectFields.END_DATE, "End date", FieldType.DATE, "END_DATE", false, 0),
            FieldDefinition.predefined(ProjectFields.BUDGET, "Budget", FieldType.MONEY, "BUDGET", false, 0),
            FieldDefinition.predefined(ProjectFields.CURRENCY, "Currency", FieldType.PICKLIST, "CURRENCY", false, 100),
            FieldDefinition.predefined(ProjectFields.OWNER, "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined(ProjectFields.DESCRIPTION, "Description", FieldType.LONG_TEXT, "DESCRIPTION",
                    false, 4000),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));

    private static final List<String> LISTED = List.of(ProjectFields.NAME, ProjectFields.COMPANY, ProjectFields.STATUS,
            ProjectFields.START_DATE, ProjectFields.END_DATE, ProjectFields.BUDGET, ProjectFields.OWNER);

    private final AccessControl access;
    private final CallerContext callers;
    private final TransactionScope scope;

    /**
     * @param access whether the caller of a read sees every project anyway
     * @param callers who reads
     * @param scope reads the caller's memberships
     * @param schema the module's migrated tables: the type is offered only once they exist
     */
    @Activate
    public ProjectRecordType(@Reference AccessControl access, @Reference CallerContext callers,
            @Reference TransactionScope scope,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.projects)") MigratedSchema schema) {
        this.access = access;
        this.callers = callers;
        this.scope = scope;
    }

    private static FieldDefinition lookup(String name, String label, String column, String type) {
        return new FieldDefinition(name, label, FieldType.LOOKUP, false, 0, true, column, false, Optional.of(type));
    }

    @Override
    public String id() {
        return ProjectFields.RECORD_TYPE;
    }

    @Override
    public String moduleId() {
        return ProjectsModule.ID;
    }

    @Override
    public String label() {
        return "Project";
    }

    @Override
    public String pluralLabel() {
        return "Projects";
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    @Override
    public List<String> titleFields() {
        return List.of(ProjectFields.NAME);
    }

    @Override
    public List<String> searchFields() {
        return List.of(ProjectFields.NAME);
    }

    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder("updatedAt", false));
    }

    @Override
    public Optional<IdGenerator> ids() {
        return Optional.of(IDS);
    }

    @Override
    public boolean listedByDefault(String field) {
        return LISTED.contains(field) || field.startsWith("cf_");
    }

    @Override
    public Optional<String> fieldHint(String field) {
        return switch (field) {
            case ProjectFields.END_DATE -> Optional.of("Not before the start date.");
            case ProjectFields.NUMBER -> Optional.of("Given when the project is saved the first time.");
            default -> Optional.empty();
        };
    }

    /** The number is the module's: the project's id with its prefix. */
    @Override
    public boolean setByModule(String field) {
        return ProjectFields.NUMBER.equals(field);
    }

    /**
     * The projects the caller is a member of, by number, shared with the caller on top of the owner visibility
     * (members need {@code projects.view} like everybody). A caller who sees every project, or none (no active
     * caller), gets the plain rule. One indexed query per read.
     */
    @Override
    public Optional<SharedRows> sharedRows() {
        Optional<Caller> caller = callers.current();
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (access.visibility().all()) {
                return Optional.empty();
            }
        } catch (CrmException e) {
            return Optional.empty(); // an inactive caller: the platform refuses the read itself
        }
        return Optional.of(shared(scope.required(c -> ProjectStore.memberOf(c, caller.get().username()))));
    }

    /**
     * @param numbers the numbers of the projects the caller is a member of
     * @return the rule: those shared, the caller's owner visibility for the others
     */
    static SharedRows shared(Set<String> numbers) {
        return new SharedRows(ProjectFields.NUMBER, numbers, true);
    }

    /** First values: the statuses (Planned the default) and the currencies (EUR the default). */
    @Override
    public List<PickListValue> initialPickList(String field) {
        return switch (field) {
            case ProjectFields.STATUS -> ProjectFields.STATUSES.stream().map(s -> new PickListValue(s,
                    Optional.empty(), s.equals(ProjectFields.PLANNED), true)).toList();
            case ProjectFields.CURRENCY -> CURRENCIES.stream().map(c -> new PickListValue(c, Optional.empty(),
                    c.equals("EUR"), true)).toList();
            default -> List.of();
        };
    }
}
