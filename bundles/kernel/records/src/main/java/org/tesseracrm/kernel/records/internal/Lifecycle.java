package org.tesseracrm.kernel.records.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.MergeParticipant;
import org.tesseracrm.kernel.api.record.RecordEvents;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.RelatedItems;

/**
 * The modules' {@link RecordLifecycle} participants, called inside a change's transaction, and the
 * {@link RecordEvents record events} posted once it commits: one registry for every way the platform
 * writes records ({@link RecordsImpl} and {@link ImportsImpl}).
 */
@Component(service = Lifecycle.class)
public final class Lifecycle {
    /**
     * A participant, the service interface it was bound as (one object may be registered as several) and the
     * record type it follows ({@link RecordType#ALL} for every type).
     */
    private record Participant(Object service, Class<?> kind, String recordType) {
        boolean follows(String type) {
            return recordType.equals(type) || recordType.equals(RecordType.ALL);
        }
    }

    /** One participant call. */
    @FunctionalInterface
    interface Call {
        void on(RecordLifecycle participant) throws SQLException;
    }

    /** One record's change, as {@link RecordLifecycle.Change}. */
    record Change(String recordType, long id, String actor, Set<String> fields, Optional<RecordRow> before,
            Optional<RecordRow> after, Connection connection, Records records) implements RecordLifecycle.Change {
        /**
         * @param before the row before the change, null for a create
         * @param after the row after it, null before it is written or for a delete
         * @param records the platform acting for the same user in the same transaction
         */
        static Change of(Connection connection, String recordType, long id, String actor, Collection<String> fields,
                RecordRow before, RecordRow after, Records records) {
            return new Change(recordType, id, actor, Set.copyOf(fields), Optional.ofNullable(before),
                    Optional.ofNullable(after), connection, records);
        }
    }

    /** One move of related items, as {@link RelatedItems.Move}. */
    record Move(RecordRef from, RecordRef to, String actor, Connection connection, Records records)
            implements RelatedItems.Move {
    }

    private final List<Participant> participants = new CopyOnWriteArrayList<>();
    private final SafeCaller guard;
    private volatile EventAdmin events;

    /** @param types gives the guard around module code */
    @Activate
    public Lifecycle(@Reference RecordTypeRegistry types) {
        this(types.guard());
    }

    /**
     * @param guard logs a participant's failure once with its bundle and gives it an error id; the
     *     failure still stops the change, which rolls back
     */
    Lifecycle(SafeCaller guard) {
        this.guard = guard;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeLifecycle")
    void addLifecycle(RecordLifecycle participant, Map<String, Object> properties) {
        add(participant, RecordLifecycle.class, properties);
    }

    void removeLifecycle(RecordLifecycle participant) {
        remove(participant, RecordLifecycle.class);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeRelatedItems")
    void addRelatedItems(RelatedItems participant, Map<String, Object> properties) {
        add(participant, RelatedItems.class, properties);
    }

    void removeRelatedItems(RelatedItems participant) {
        remove(participant, RelatedItems.class);
    }

    @SuppressWarnings("deprecation")
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeParticipant")
    void addParticipant(MergeParticipant participant, Map<String, Object> properties) {
        add(participant, MergeParticipant.class, properties);
    }

    @SuppressWarnings("deprecation")
    void removeParticipant(MergeParticipant participant) {
        remove(participant, MergeParticipant.class);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeEventAdmin")
    synchronized void setEventAdmin(EventAdmin eventAdmin) {
        this.events = eventAdmin;
    }

    /** A greedy replacement binds the new one first: only forget the one that goes. */
    synchronized void removeEventAdmin(EventAdmin eventAdmin) {
        if (events == eventAdmin) {
            events = null;
        }
    }

    private void add(Object participant, Class<?> kind, Map<String, Object> properties) {
        participants.add(new Participant(participant, kind, String.valueOf(properties.get(RecordType.ID))));
    }

    private void remove(Object participant, Class<?> kind) {
        participants.removeIf(p -> p.service() == participant && p.kind() == kind);
    }

    /**
     * @param method a {@link RecordLifecycle} method, e.g. {@code afterCreate}
     * @return whether a participant following the type implements it (the others inherit a no-op), so that
     *     an import reads its rows back only for someone
     */
    boolean follows(String recordType, String method) {
        return participants.stream().anyMatch(p -> p.kind() == RecordLifecycle.class && p.follows(recordType)
                && implemented(p.service().getClass(), method));
    }

    private static boolean implemented(Class<?> participant, String method) {
        for (java.lang.reflect.Method candidate : participant.getMethods()) {
            if (candidate.getName().equals(method) && candidate.getDeclaringClass() != RecordLifecycle.class) {
                return true;
            }
        }
        return false;
    }

    /**
     * Calls every participant that follows the type, in registration order, through the guard; the first
     * that throws stops the change: a {@link org.tesseracrm.kernel.api.CrmException} (a refusal with its
     * message) as it is, anything else as an error with an id that the log names.
     */
    void call(String recordType, Call call) {
        for (Participant participant : participants) {
            if (participant.kind() == RecordLifecycle.class && participant.follows(recordType)) {
                RecordLifecycle lifecycle = (RecordLifecycle) participant.service();
                guard.require(lifecycle, "lifecycle", () -> {
                    try {
                        call.on(lifecycle);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                });
            }
        }
    }

    /**
     * Lets every {@link RelatedItems} participant that follows the type of the record the items leave move its
     * rows, through the guard; the first that throws stops the move, as {@link #call} does.
     */
    void move(String recordType, Move move) {
        for (Participant participant : participants) {
            if (participant.kind() == RelatedItems.class && participant.follows(recordType)) {
                RelatedItems items = (RelatedItems) participant.service();
                guard.require(items, "move related items", () -> {
                    try {
                        items.move(move);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                });
            }
        }
    }

    /** Lets the older {@link MergeParticipant}s move their references, in the merge's transaction. */
    @SuppressWarnings("deprecation")
    void repoint(String recordType, long from, long to) {
        for (Participant participant : participants) {
            if (participant.kind() == MergeParticipant.class && participant.follows(recordType)) {
                MergeParticipant merge = (MergeParticipant) participant.service();
                merge.repoint(recordType, from, to);
            }
        }
    }

    /**
     * Posts one event per record once the scope commits; nothing if it rolls back.
     *
     * @param mergedWith for a merge, the other record's id; else null
     */
    void post(TransactionScope scope, String recordType, Collection<Long> ids, String action, String actor,
            Collection<String> fields, Long mergedWith) {
        post(events, scope, recordType, ids, action, actor, fields, mergedWith);
    }

    /**
     * Posts one event per record on the given Event Admin once the scope commits; nothing if it rolls
     * back or there is no Event Admin.
     *
     * @param mergedWith for a merge, the other record's id; else null
     */
    private static void post(EventAdmin admin, TransactionScope scope, String recordType, Collection<Long> ids, String action,
            String actor, Collection<String> fields, Long mergedWith) {
        if (admin == null || ids.isEmpty()) {
            return;
        }
        String topic = RecordEvents.topic(recordType, action);
        String[] names = fields.toArray(String[]::new);
        List<Long> all = List.copyOf(ids);
        scope.afterCommit(() -> all.forEach(id -> {
            Map<String, Object> properties = new HashMap<>();
            properties.put(RecordEvents.TYPE, recordType);
            properties.put(RecordEvents.ID, id);
            properties.put(RecordEvents.ACTION, action);
            properties.put(RecordEvents.ACTOR, actor);
            properties.put(RecordEvents.FIELDS, names);
            if (mergedWith != null) {
                properties.put(RecordEvents.MERGED_WITH, mergedWith);
            }
            admin.postEvent(new Event(topic, properties));
        }));
    }
}
