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
import org.tesseracrm.leads.api.LeadConversion;
import org.tesseracrm.leads.internal.service.LeadConversionImpl;
import org.tesseracrm.leads.internal.service.LeadLifecycle;
import org.tesseracrm.leads.internal.service.LeadRecordType;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.internal.service.OpportunityLifecycle;
import org.tesseracrm.opportunities.internal.service.OpportunityPhasesImpl;
import org.tesseracrm.opportunities.internal.service.OpportunityRecordType;

/**
 * The record platform as {@link Platform} wires it, plus the opportunities module: its record type, its lifecycle
 * participant ({@code OpportunityLifecycle}: expected amount from the phase's probability, phase history) bound to
 * the platform's {@code Lifecycle} as Declarative Services binds it (the same package-private bind method, called
 * reflectively with the participant's {@code recordType} property), and its {@code OpportunityPhasesImpl} service,
 * which keeps the phase pick-list in step with the phase table when it starts and moves opportunities. The leads
 * module likewise: its record type, its {@code LeadLifecycle} and its {@code LeadConversionImpl} (without the
 * optional bridge that gives the converted contact a role on the new opportunity).
 *
 * @param records the records service, with the opportunities' and leads' participants active
 * @param customFields the pick-lists
 * @param phases the opportunities module's phases and moves
 * @param leads the leads module's conversion
 */
record Pipeline(Records records, CustomFields customFields, OpportunityPhases phases, LeadConversion leads) {
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
        bind(lifecycle, new LeadLifecycle(callers, null), LeadRecordType.ID);
        OpportunityPhases phases = new OpportunityPhasesImpl(records, fields, access, callers,
                Platform.sharedScope(connection), types, types.find(OpportunityRecordType.ID).orElseThrow());
        LeadConversion leads = new LeadConversionImpl(records, fields, access, callers, Platform.sharedScope(connection),
                types, types.find(LeadRecordType.ID).orElseThrow());
        return new Pipeline(records, fields, phases, leads);
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

    static RecordTypeRegistry types() {
        RecordTypeRegistry types = Platform.types();
        types.addType(new OpportunityRecordType(null));
        types.addType(new LeadRecordType(null));
        return types;
    }

    /** Binds a participant as Declarative Services does ({@code Lifecycle.addLifecycle} with its properties). */
    static void bind(Lifecycle lifecycle, RecordLifecycle participant, String recordType) {
        try {
            Method add = Lifecycle.class.getDeclaredMethod("addLifecycle", RecordLifecycle.class, Map.class);
            add.setAccessible(true);
            add.invoke(lifecycle, participant, Map.<String, Object>of(RecordType.ID, recordType));
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("The platform's Lifecycle no longer binds participants through "
                    + "addLifecycle(RecordLifecycle, Map): update the benchmark", e);
        }
    }

    /**
     * The caller is always {@link #USER}; running work as another caller just runs it; permissions added for some
     * work (the simulated caller holds every permission already) are told to the participants that ask for them, as
     * the kernel's context does: the leads' lifecycle lets only its service's own writes mark a lead converted.
     */
    static CallerContext callers() {
        ThreadLocal<java.util.Set<String>> added = ThreadLocal.withInitial(java.util.Set::of);
        return new CallerContext() {
            @Override
            public Optional<Caller> current() {
                return Optional.of(new Caller(USER));
            }

            @Override
            public <T> T callAs(Caller caller, Supplier<T> work) {
                java.util.Set<String> before = added.get();
                added.set(java.util.Set.of());
                try {
                    return work.get();
                } finally {
                    added.set(before);
                }
            }

            @Override
            public <T> T callWithPermissions(java.util.Set<String> permissions, Supplier<T> work) {
                java.util.Set<String> before = added.get();
                java.util.Set<String> now = new java.util.HashSet<>(before);
                now.addAll(permissions);
                added.set(java.util.Set.copyOf(now));
                try {
                    return work.get();
                } finally {
                    added.set(before);
                }
            }

            @Override
            public java.util.Set<String> addedPermissions() {
                return added.get();
            }
        };
    }
}
