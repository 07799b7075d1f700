package org.tesseracrm.kernel.api.record;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.kernel.api.NotFoundException;

/**
 * The installed record types, as the record platform tracks them: modules ask this service instead of
 * tracking {@link RecordType} services themselves. Answers come from an immutable snapshot that is
 * replaced whenever a type comes or goes; listeners hear of each change (openHAB's
 * {@code AbstractRegistry} is the model).
 *
 * <p>The types handed out are guarded: {@link RecordType#check} runs through the kernel's
 * {@link org.tesseracrm.kernel.api.module.SafeCaller}, so a check that fails refuses the write with a
 * message instead of letting data through or breaking the caller.
 *
 * @since record 2.1
 */
@ProviderType
public interface RecordTypes {
    /** @return every installed record type, sorted by id; a snapshot that later changes leave alone */
    List<RecordType> all();

    /**
     * @param id a record type id
     * @return the installed record type with that id, if any
     */
    Optional<RecordType> find(String id);

    /**
     * @param id a record type id
     * @return the installed record type with that id
     * @throws NotFoundException if no installed module provides it
     */
    default RecordType require(String id) {
        return find(id).orElseThrow(
                () -> new NotFoundException("No module providing record type \"" + id + "\" is installed."));
    }

    /**
     * The name a record gets where its title must not be stored or shown ({@link RecordType#neutralTitle}),
     * also for a type whose module is not installed.
     *
     * @param recordType a record type id
     * @param id a record's id
     * @return e.g. "Contact #12", or "contact #12" without the type's module
     */
    default String neutralTitle(String recordType, long id) {
        return find(recordType).map(type -> type.neutralTitle(id)).orElse(recordType + " #" + id);
    }

    /**
     * @param listener hears of every record type that comes or goes from now on
     */
    void addListener(Listener listener);

    /**
     * @param listener a listener added before; it hears nothing more
     */
    void removeListener(Listener listener);

    /** Hears of record types coming and going, on the thread that registered or unregistered them. */
    @ConsumerType
    interface Listener {
        /** @param type a record type that was installed */
        default void added(RecordType type) {
        }

        /** @param type a record type that went away with its module */
        default void removed(RecordType type) {
        }
    }
}
