package org.tesseracrm.email.internal.template;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tesseracrm.email.api.RenderedMail;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * Merges a template's subject and bodies with a record: pure logic, no service calls (the records that lookups point
 * at come through {@link Linked}). A merge field is {@code $[<type>.<field>]}, {@code $[<type>.<lookup>.<field>]} or
 * {@code $[User.<field>]}, with an optional fallback for an empty value after a bar: {@code $[Contacts.First Name|there]}.
 * Types and fields are named by label or by name, ignoring case, spaces and punctuation.
 *
 * <p>Merged values are HTML-escaped in the HTML part (line breaks become {@code <br>}), written as they are in the
 * plain-text part, and put on one line in the subject (so no value can add a header). The sender's signature is
 * sanitised HTML, inserted as HTML in the HTML part only and as its text elsewhere. Dates and times are written by the
 * kit's one formatter ({@link LocalTimes}) in the reader's zone and locale, numbers in their locale.
 */
final class MergeEngine {
    /** A merge field: its path, and after a bar its fallback. Neither spans lines or holds a closing bracket. */
    static final Pattern FIELD = Pattern.compile("\\$\\[([^\\]|\\r\\n]{1,200})(?:\\|([^\\]\\r\\n]{0,500}))?\\]");
    private static final String USER = "User";

    /** What a merge field names. */
    sealed interface Target permits UserField, RecordField, LinkedField {
    }

    /** A field of the sending user. */
    enum UserField implements Target {
        /** Their full name. */
        NAME("Name"),
        /** The address they send from. */
        EMAIL("E-mail"),
        /** Their mail account's signature (HTML). */
        SIGNATURE("Signature");

        private final String label;

        UserField(String label) {
            this.label = label;
        }
    }

    /** @param field a field of the merged record */
    record RecordField(FieldDefinition field) implements Target {
    }

    /**
     * @param lookup a lookup field of the merged record
     * @param linked the type it points at
     * @param field a field of that type
     */
    record LinkedField(FieldDefinition lookup, MergeType linked, FieldDefinition field) implements Target {
    }

    /** The records lookup fields point at, as the reader may see them. */
    interface Linked {
        /** Nothing linked: lookups merge as empty. */
        Linked NONE = new Linked() {
            @Override
            public Optional<RecordRow> record(String type, long id) {
                return Optional.empty();
            }

            @Override
            public String title(String type, long id) {
                return "";
            }
        };

        /** @return the record, if the reader sees it */
        Optional<RecordRow> record(String type, long id);

        /** @return what names the record to the reader ("" or a neutral title if they do not see it) */
        String title(String type, long id);
    }

    private enum Part { SUBJECT, HTML, TEXT }

    private final MergeType main;
    private final Function<String, Optional<MergeType>> types;

    /**
     * @param main the type whose fields are merged; empty for user fields only
     * @param types the types lookup fields point at, by id (empty for one the reader may not read)
     */
    MergeEngine(Optional<MergeType> main, Function<String, Optional<MergeType>> types) {
        this.main = main.orElse(null);
        this.types = types;
    }

    /**
     * @param path a merge field's path, e.g. {@code Contacts.First Name}
     * @return what it names; empty for an unknown field
     */
    Optional<Target> resolve(String path) {
        String trimmed = path.strip();
        int dot = trimmed.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String head = trimmed.substring(0, dot);
        String rest = trimmed.substring(dot + 1).strip();
        if (MergeType.key(head).equals("user")) {
            return userField(rest);
        }
        if (main == null || !main.answersTo(head)) {
            return Optional.empty();
        }
        Optional<FieldDefinition> own = main.field(rest);
        if (own.isPresent()) {
            return Optional.of(new RecordField(own.get()));
        }
        // a lookup's label may itself hold a dot: try every split
        for (int at = rest.indexOf('.'); at > 0; at = rest.indexOf('.', at + 1)) {
            String tail = rest.substring(at + 1);
            Optional<FieldDefinition> lookup = main.field(rest.substring(0, at))
                    .filter(f -> f.type() == FieldType.LOOKUP && f.lookupType().isPresent());
            if (lookup.isPresent()) {
                Optional<MergeType> linked = types.apply(lookup.get().lookupType().get());
                Optional<FieldDefinition> field = linked.flatMap(t -> t.field(tail));
                if (field.isPresent()) {
                    return Optional.of(new LinkedField(lookup.get(), linked.get(), field.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Target> userField(String name) {
        return switch (MergeType.key(name)) {
            case "name", "fullname" -> Optional.of(UserField.NAME);
            case "email", "emailaddress" -> Optional.of(UserField.EMAIL);
            case "signature" -> Optional.of(UserField.SIGNATURE);
            default -> Optional.empty();
        };
    }

    /**
     * @param text a subject or body
     * @return the merge fields in it that name nothing, as written (e.g. {@code $[Contacts.Shoe Size]}), once each
     */
    List<String> unknown(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        if (text != null) {
            Matcher found = FIELD.matcher(text);
            while (found.find()) {
                if (resolve(TemplateHtml.unescape(found.group(1))).isEmpty()) {
                    unknown.add(TemplateHtml.unescape(found.group()));
                }
            }
        }
        return List.copyOf(unknown);
    }

    /**
     * @return the merge fields to offer, as inserted: the type's fields (by plural label and field label), the fields
     *     of the types its lookups point at, then the user's
     */
    List<String> offered() {
        List<String> offered = new ArrayList<>();
        if (main != null) {
            for (FieldDefinition field : main.fields()) {
                if (offerable(field)) {
                    offered.add(insert(main.pluralLabel(), field.label()));
                }
            }
            for (FieldDefinition lookup : main.fields()) {
                if (lookup.type() == FieldType.LOOKUP && lookup.lookupType().isPresent() && offerable(lookup)) {
                    types.apply(lookup.lookupType().get()).ifPresent(linked -> linked.fields().stream()
                            .filter(MergeEngine::offerable)
                            .forEach(f -> offered.add(insert(main.pluralLabel(), lookup.label() + "." + f.label()))));
                }
            }
        }
        for (UserField field : UserField.values()) {
            offered.add(insert(USER, field.label));
        }
        return offered;
    }

    private static boolean offerable(FieldDefinition field) {
        return field.importable() && !field.label().contains("]") && !field.label().contains("|");
    }

    private static String insert(String type, String field) {
        return "$[" + type + "." + field + "]";
    }

    /**
     * @param subject the subject with merge fields
     * @param html the HTML body with merge fields (sanitised), may be blank
     * @param text the plain-text body with merge fields; blank to derive it from the HTML
     * @param row the merged record; empty for a mail of no record (its fields merge as their fallbacks)
     * @param linked the records its lookups point at
     * @param sender the sending user
     * @param settings the reader's time zone and locale, for dates and numbers
     * @return the merged mail, with the unknown fields (left as written)
     */
    RenderedMail render(String subject, String html, String text, Optional<RecordRow> row, Linked linked, Sender sender,
            RegionalSettings settings) {
        Values values = new Values(row, linked, sender, settings);
        Set<String> unknown = new LinkedHashSet<>();
        String htmlBody = html == null ? "" : html;
        String textBody = text == null || text.isBlank() ? TemplateHtml.text(htmlBody) : text;
        String mergedSubject = oneLine(merge(oneLine(subject == null ? "" : subject), Part.SUBJECT, values, unknown));
        String mergedHtml = htmlBody.isBlank() ? "" : merge(htmlBody, Part.HTML, values, unknown);
        String mergedText = merge(textBody, Part.TEXT, values, unknown);
        return new RenderedMail(mergedSubject, mergedHtml, mergedText, List.copyOf(unknown));
    }

    private String merge(String template, Part part, Values values, Set<String> unknown) {
        Matcher found = FIELD.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (found.find()) {
            Optional<Target> target = resolve(part == Part.HTML ? TemplateHtml.unescape(found.group(1)) : found.group(1));
            String written;
            if (target.isEmpty()) {
                unknown.add(part == Part.HTML ? TemplateHtml.unescape(found.group()) : found.group());
                written = found.group();
            } else {
                String fallback = found.group(2) == null ? "" : found.group(2);
                written = write(target.get(), part == Part.HTML ? TemplateHtml.unescape(fallback) : fallback, part, values);
            }
            found.appendReplacement(out, Matcher.quoteReplacement(written));
        }
        found.appendTail(out);
        return out.toString();
    }

    private static String write(Target target, String fallback, Part part, Values values) {
        if (target == UserField.SIGNATURE) {
            String signature = TemplateHtml.clean(values.sender.signatureHtml());
            if (signature.isBlank()) {
                return written(fallback, part);
            }
            return switch (part) {
                case HTML -> signature;
                case TEXT -> TemplateHtml.text(signature);
                case SUBJECT -> oneLine(TemplateHtml.text(signature));
            };
        }
        String value = values.text(target);
        return written(value.isBlank() ? fallback : value, part);
    }

    private static String written(String value, Part part) {
        return switch (part) {
            case HTML -> TemplateHtml.escape(value).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>");
            case TEXT -> value;
            case SUBJECT -> oneLine(value);
        };
    }

    /**
     * @param text any text
     * @return it on one line: line breaks, tabs and other control characters (and Unicode line separators) become
     *     spaces, so a subject cannot carry a second header
     */
    static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]+", " ").strip();
    }

    /** The values of one merge: the record, its linked records, the sender and the reader's formats. */
    private static final class Values {
        private final Optional<RecordRow> row;
        private final Linked linked;
        private final Sender sender;
        private final RegionalSettings settings;
        private final LocalTimes times;

        Values(Optional<RecordRow> row, Linked linked, Sender sender, RegionalSettings settings) {
            this.row = row;
            this.linked = linked;
            this.sender = sender;
            this.settings = settings;
            this.times = LocalTimes.of(settings);
        }

        String text(Target target) {
            if (target instanceof UserField user) {
                return user == UserField.NAME ? sender.name() : sender.email();
            }
            if (target instanceof RecordField own) {
                return row.flatMap(r -> r.value(own.field().name())).map(v -> format(own.field(), v)).orElse("");
            }
            LinkedField via = (LinkedField) target;
            Optional<Long> id = row.flatMap(r -> r.value(via.lookup().name())).filter(Long.class::isInstance).map(Long.class::cast);
            return id.flatMap(i -> linked.record(via.linked().id(), i))
                    .flatMap(r -> r.value(via.field().name())).map(v -> format(via.field(), v)).orElse("");
        }

        private String format(FieldDefinition field, Object value) {
            if (field.type() == FieldType.LOOKUP && value instanceof Long id) {
                return field.lookupType().map(type -> linked.title(type, id)).orElse("");
            }
            if (value instanceof BigDecimal number) {
                NumberFormat format = NumberFormat.getNumberInstance(settings.locale());
                int decimals = field.type() == FieldType.MONEY ? 2 : Math.max(0, number.stripTrailingZeros().scale());
                format.setMinimumFractionDigits(field.type() == FieldType.MONEY ? 2 : 0);
                format.setMaximumFractionDigits(Math.min(decimals, 10));
                return format.format(number);
            }
            return times.text(value);
        }
    }
}
