package org.tesseracrm.kernel.api.record;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The global search of the top bar: finds records of every installed record type by what their
 * {@link RecordType#searchFields search fields} start with. The platform keeps an index per search
 * field (created when the record type registers), so a search reads a few index entries per field
 * whatever the size of the table.
 */
@ProviderType
public interface RecordSearch {
    /** The most records a search returns per record type. */
    int MAX_PER_TYPE = 20;

    /**
     * Finds records whose search fields start with the text, ignoring case: a name's first letters, a
     * whole e-mail address. Only record types whose {@code <moduleId>.view} the caller holds are searched,
     * and only records whose owner the caller sees are returned, as in lists. Search fields that cannot be
     * indexed (long text, URLs, non-text fields) are left out; the list's search box still covers them.
     *
     * @param text what was typed; surrounding spaces are ignored, blank finds nothing
     * @param perType the most records wanted per record type, 1 to {@link #MAX_PER_TYPE}
     * @return one group per record type with matches, ordered by the type's plural label
     */
    List<SearchGroup> search(String text, int perType);
}
