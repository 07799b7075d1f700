package org.tesseracrm.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordSearch;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.companies.internal.service.CompanyRecordType;
import org.tesseracrm.contacts.internal.service.ContactRecordType;
import org.tesseracrm.kernel.records.internal.CustomFieldsImpl;
import org.tesseracrm.kernel.records.internal.FieldCatalog;
import org.tesseracrm.kernel.records.internal.Lifecycle;
import org.tesseracrm.kernel.records.internal.RecordSearchImpl;
import org.tesseracrm.kernel.records.internal.RecordTypeRegistry;
import org.tesseracrm.kernel.records.internal.RecordsImpl;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.internal.service.OpportunityLifecycle;
import org.tesseracrm.opportunities.internal.service.OpportunityPhasesImpl;
import org.tesseracrm.opportunities.internal.service.OpportunityRecordType;

/**
 * The record platform as {@link Platform} wires it, plus the opportunities module: its record type, its lifecycle
 * participant ({@code OpportunityLifecycle}: expected amount from the phase's probability, phase history) bound to
 * the platform's {@code Lifecycle} as Declarative Services binds it (the same package-private bind method, called
 * reflectively with the participant's {@code recordType} property), and its {@code OpportunityPhasesImpl} service,
 * which keeps the phase pick-list in step with the phase table when it starts and moves opportunities.
 *
 * @param records the records service, with the opportunities' participant active
 * @param customFields the pick-lists
 * @param phases the opportunities module's phases and moves
 */
record Pipeline(Records records, CustomFields customFields, OpportunityPhases phases) {
    /** The user every simulated caller is (their visibility differs). */
    static final String USER = "bench";

    /**
     * @param connection the database, with the contacts, companies, opportunities and platform changelogs applied
     * @param visibility the owners the simulated user sees
     */
    static Pipeline over(Connection connection, Visibility visibility) {
        RecordTypeRegistry types = types();
        FieldCatalog catalog = Platform.catalog(connection);
        AccessControl access = Platform.allowed(visibility);
        Lifecycle lifecycle = new Lifecycle(types);
        RecordsImpl records = new RecordsImpl(types, catalog, access, Platform.noAudit(), lifecycle);
        CustomFieldsImpl fields = new CustomFieldsImpl(types, catalog, access);
        CallerContext callers = callers();
        bind(lifecycle, new OpportunityLifecycle(fields, callers, null), OpportunityRecordType.ID);
        OpportunityPhases phases = new OpportunityPhasesImpl(records, fields, access, callers,
                Platform.sharedScope(connection), types, types.find(OpportunityRecordType.ID).orElseThrow());
        return new Pipeline(records, fields, phases);
    }

    /**
     * @return the global search told of contacts, companies and opportunities, as Declarative Services tells it
     *     when the modules start: it creates their search indexes where missing
     */
    static RecordSearch search(Connection connection) {
        RecordSearchImpl search = new RecordSearchImpl(types(), Platform.catalog(connection),
                Platform.allowed(new Visibility(true, java.util.Set.of())));
        search.addType(new ContactRecordType(null));
        search.addType(new CompanyRecordType(null));
        search.addType(new OpportunityRecordType(null));
        return search;
    }

    private static RecordTypeRegistry types() {
        RecordTypeRegistry types = Platform.types();
        types.addType(new OpportunityRecordType(null));
        return types;
    }

    /** Binds a participant as Declarative Services does ({@code Lifecycle.addLifecycle} with its properties). */
    private static void bind(Lifecycle lifecycle, RecordLifecycle participant, String recordType) {
        try {
            Method add = Lifecycle.class.getDeclaredMethod("addLifecycle", RecordLifecycle.class, Map.class);
            add.setAccessible(true);
            add.invoke(lifecycle, participant, Map.<String, Object>of(RecordType.ID, recordType));
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("The platform's Lifecycle no longer binds participants through "
                    + "addLifecycle(RecordLifecycle, Map): update the benchmark", e);
        }
    }

    /** The caller is always {@link #USER}; running work as another caller or with more permissions just runs it. */
    private static CallerContext callers() {
        return new CallerContext() {
            @Override
            public Optional<Caller> current() {
                return Optional.of(new Caller(USER));
            }

            @Override
            public <T> T callAs(Caller caller, Supplier<T> work) {
                return work.get();
            }

            @Override
            public <T> T callWithPermissions(java.util.Set<String> permissions, Supplier<T> work) {
                return work.get(); // the simulated caller holds every permission already
            }
        };
    }
}
