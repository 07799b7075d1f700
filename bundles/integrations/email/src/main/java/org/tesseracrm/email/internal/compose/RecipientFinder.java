package org.tesseracrm.email.internal.compose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * Finds the addresses a mail from a record may go to, from the field definitions alone, so it knows no module: the
 * record's own {@link FieldType#EMAIL} fields; those of the records its {@link FieldType#LOOKUP} fields point at (a
 * quote's or case's contact and company, an opportunity's company); and those of the records of any type that point
 * at the record or at one of those (a company's contacts, the contacts of a quote's company). Each address once, in
 * that order; records the caller does not see give nothing.
 */
final class RecipientFinder {
    /** The most records read per pointing type and record: a big company's contacts are offered, not all of them. */
    static final int RELATED_LIMIT = 25;

    private final RecordDirectory directory;

    RecipientFinder(RecordDirectory directory) {
        this.directory = directory;
    }

    /**
     * @param recordType the record's type
     * @param recordId the record
     * @return every address found, own first, then linked, then related
     */
    List<RecipientCandidate> candidates(String recordType, long recordId) {
        return candidates(recordType, recordId, true);
    }

    /**
     * @param recordType the record's type
     * @param recordId the record
     * @param related whether to look for records pointing at it too (the composer does; a bulk send, which only
     *     wants the record's own address, does not)
     * @return the addresses found, own first, then linked, then related
     */
    List<RecipientCandidate> candidates(String recordType, long recordId, boolean related) {
        List<RecipientCandidate> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Optional<RecordRow> record = directory.get(recordType, recordId);
        if (record.isEmpty()) {
            return found;
        }
        List<FieldDefinition> fields = directory.fields(recordType);
        addOwn(found, seen, recordType, record.get(), fields, RecipientCandidate.Kind.OWN);
        List<RecordRef> linked = new ArrayList<>();
        linked.add(new RecordRef(recordType, recordId, ""));
        for (FieldDefinition field : fields) {
            if (field.type() != FieldType.LOOKUP || field.lookupType().isEmpty()
                    || field.lookupType().get().equals(recordType)) {
                continue; // a revision's previous revision or a case's "depends on" is not whom to write to
            }
            String type = field.lookupType().get();
            var target = record.get().value(field.name()).filter(Long.class::isInstance).map(Long.class::cast);
            if (target.isEmpty()) {
                continue;
            }
            Optional<RecordRow> other = directory.get(type, target.get());
            if (other.isPresent()) {
                addOwn(found, seen, type, other.get(), directory.fields(type), RecipientCandidate.Kind.LINKED);
                linked.add(new RecordRef(type, other.get().id(), ""));
            }
        }
        for (RecordRef to : related ? linked : List.<RecordRef>of()) {
            addPointing(found, seen, to, recordType, recordId);
        }
        return found;
    }

    /**
     * @param candidates what {@link #candidates} found
     * @return the addresses the composer starts with in To: the record's own, or else those of the records it points
     *     at (the others are offered, not filled in)
     */
    static List<String> prefilled(List<RecipientCandidate> candidates) {
        List<String> own = byKind(candidates, RecipientCandidate.Kind.OWN);
        return own.isEmpty() ? byKind(candidates, RecipientCandidate.Kind.LINKED) : own;
    }

    /**
     * @param candidates what {@link #candidates} found
     * @return the one address a bulk send or a rule writes to: the record's first own address, else the first of a
     *     record it points at
     */
    static Optional<String> primary(List<RecipientCandidate> candidates) {
        return prefilled(candidates).stream().findFirst();
    }

    private static List<String> byKind(List<RecipientCandidate> candidates, RecipientCandidate.Kind kind) {
        return candidates.stream().filter(c -> c.kind() == kind).map(RecipientCandidate::address).toList();
    }

    /** @return the addresses in the record's own e-mail fields, in form order */
    static List<String> emails(RecordRow row, List<FieldDefinition> fields) {
        List<String> addresses = new ArrayList<>();
        for (FieldDefinition field : fields) {
            if (field.type() == FieldType.EMAIL) {
                String value = row.text(field.name()).strip();
                if (!value.isEmpty()) {
                    addresses.add(value);
                }
            }
        }
        return addresses;
    }

    private void addOwn(List<RecipientCandidate> found, Set<String> seen, String type, RecordRow row,
            List<FieldDefinition> fields, RecipientCandidate.Kind kind) {
        String title = null;
        for (FieldDefinition field : fields) {
            if (field.type() != FieldType.EMAIL) {
                continue;
            }
            String value = row.text(field.name()).strip();
            if (!value.isEmpty() && seen.add(Addresses.key(value))) {
                title = title != null ? title : directory.title(type, row);
                found.add(new RecipientCandidate(value, new RecordRef(type, row.id(), title), field.label(), kind));
            }
        }
    }

    /** Adds the addresses of records of any type with an e-mail field and a lookup pointing at {@code to}. */
    private void addPointing(List<RecipientCandidate> found, Set<String> seen, RecordRef to, String fromType,
            long fromId) {
        for (String type : directory.types()) {
            List<FieldDefinition> fields = directory.fields(type);
            if (fields.stream().noneMatch(f -> f.type() == FieldType.EMAIL)) {
                continue;
            }
            for (FieldDefinition field : fields) {
                if (field.type() != FieldType.LOOKUP || !field.lookupType().orElse("").equals(to.recordType())) {
                    continue;
                }
                for (RecordRow row : directory.pointingAt(type, field.name(), to.id(), RELATED_LIMIT)) {
                    if (!(type.equals(fromType) && row.id() == fromId)) {
                        addOwn(found, seen, type, row, fields, RecipientCandidate.Kind.RELATED);
                    }
                }
            }
        }
    }
}
