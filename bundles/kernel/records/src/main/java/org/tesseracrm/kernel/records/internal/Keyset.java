package org.tesseracrm.kernel.records.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.SortOrder;

/**
 * A position in a list read with a cursor ({@code Records.slice}): the stored values of the sort keys and the
 * id of the last row read, the rows after which come next.
 *
 * <p>As a cursor it is written with {@link DataOutputStream} (a tag and a typed value per key, then the id), followed
 * by the first {@value #CHECK_BYTES} bytes of a SHA-256 over a description of the query (record type, sort keys,
 * search text, filters) and those bytes, all in unpadded base64url. A cursor given with another query, or changed,
 * fails that check and is refused. The check is not a secret: whoever forges a cursor only chooses where their own
 * list starts, and the read applies their visibility, text and filters as any other.
 *
 * @param values the sort keys' values as their columns hold them (String, BigDecimal, LocalDate, LocalDateTime,
 *     Boolean or Long), null for a NULL; one per sort key, in order
 * @param id the id of the row
 */
record Keyset(List<Object> values, long id) {
    private static final byte FORMAT = 1;
    private static final int CHECK_BYTES = 12;
    private static final String INVALID = "This cursor is not valid for this list; start again from the first page.";

    Keyset {
        values = Collections.unmodifiableList(new ArrayList<>(values)); // List.copyOf refuses the nulls a key may hold
    }

    /**
     * @param typeId the record type of the list
     * @param keys the list's sort keys, resolved (the query's or the type's default)
     * @param query the list's search text and filters
     * @return the cursor of this position in that list
     */
    String cursor(String typeId, List<SortOrder> keys, RecordQuery query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(values.size());
            for (Object value : values) {
                write(out, value);
            }
            out.writeLong(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        byte[] payload = bytes.toByteArray();
        byte[] check = check(typeId, keys, query, payload);
        byte[] all = Arrays.copyOf(payload, payload.length + check.length);
        System.arraycopy(check, 0, all, payload.length, check.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    }

    /**
     * @param cursor a cursor from {@link #cursor}
     * @return the position it holds
     * @throws ValidationException on the field {@code cursor} if it was not made by {@link #cursor} for this list
     */
    static Keyset of(String cursor, String typeId, List<SortOrder> keys, RecordQuery query) {
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (all.length <= CHECK_BYTES) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(all, all.length - CHECK_BYTES);
        byte[] check = Arrays.copyOfRange(all, all.length - CHECK_BYTES, all.length);
        if (!MessageDigest.isEqual(check, check(typeId, keys, query, payload))) {
            throw invalid();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int count = in.readByte() == FORMAT ? in.readInt() : -1;
            if (count != keys.size()) {
                throw invalid();
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(read(in));
            }
            long id = in.readLong();
            if (in.available() > 0) {
                throw invalid();
            }
            return new Keyset(values, id);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException refused) {
                throw refused;
            }
            throw invalid();
        }
    }

    private static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte('0');
        } else if (value instanceof String text) {
            out.writeByte('S');
            writeText(out, text);
        } else if (value instanceof BigDecimal number) {
            out.writeByte('N');
            writeText(out, number.toString());
        } else if (value instanceof LocalDate date) {
            out.writeByte('D');
            out.writeLong(date.toEpochDay());
        } else if (value instanceof LocalDateTime time) {
            out.writeByte('T');
            out.writeLong(time.toEpochSecond(ZoneOffset.UTC));
            out.writeInt(time.getNano());
        } else if (value instanceof Boolean bool) {
            out.writeByte('B');
            out.writeBoolean(bool);
        } else if (value instanceof Long number) {
            out.writeByte('L');
            out.writeLong(number);
        } else {
            throw new IllegalArgumentException("No cursor form for " + value.getClass());
        }
    }

    private static Object read(DataInputStream in) throws IOException {
        return switch (in.readByte()) {
            case '0' -> null;
            case 'S' -> readText(in);
            case 'N' -> new BigDecimal(readText(in));
            case 'D' -> LocalDate.ofEpochDay(in.readLong());
            case 'T' -> LocalDateTime.ofEpochSecond(in.readLong(), in.readInt(), ZoneOffset.UTC);
            case 'B' -> in.readBoolean();
            case 'L' -> in.readLong();
            default -> throw invalid();
        };
    }

    /** Text as its length and UTF-8 bytes: {@link DataOutputStream#writeUTF} stops at 64 KB. */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw invalid();
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** @return the check of a payload for a list: the first bytes of a SHA-256 over the list's description and it */
    private static byte[] check(String typeId, List<SortOrder> keys, RecordQuery query, byte[] payload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeText(out, typeId);
            out.writeInt(keys.size());
            for (SortOrder key : keys) {
                writeText(out, key.field());
                out.writeBoolean(key.ascending());
            }
            writeText(out, query.text().orElse(""));
            out.writeBoolean(query.text().isPresent());
            out.writeInt(query.filters().size());
            for (Filter filter : query.filters()) {
                writeText(out, filter.field());
                writeText(out, filter.op().name());
                out.writeInt(filter.values().size());
                for (String value : filter.values()) {
                    writeText(out, value);
                }
            }
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()), CHECK_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static ValidationException invalid() {
        return new ValidationException(List.of(new FieldError("cursor", INVALID)));
    }
}
