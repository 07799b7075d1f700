package org.tesseracrm.email.internal.template;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.RenderedMail;
import org.tesseracrm.email.api.TemplateAttachment;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.UserSettings;

/**
 * Templates with merge fields: the caller's own (with {@link MailAccounts#SEND}) and shared ones (managed with
 * {@link MailTemplates#MANAGE}), merged by {@link MergeEngine} with records the caller sees, as the caller (their
 * default account's address and signature, their time zone and locale).
 */
@Component(service = MailTemplates.class)
public class MailTemplatesImpl implements MailTemplates {
    private static final int MAX_NAME = 200;
    private static final int MAX_SUBJECT = 1000;
    private static final int MAX_BODY = 200_000;

    private final MailTemplateStore store;
    private final AccessControl access;
    private final Records records;
    private final RecordTypes types;
    private final CustomFields fields;
    private final UserSettings settings;

    /** The sender's address and signature; templates work without the accounts (they merge as blanks). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailAccounts accounts;

    /**
     * @param store the templates' tables
     * @param access permissions
     * @param records the merged records, read with the caller's visibility
     * @param types the installed record types
     * @param fields each type's fields, custom ones included
     * @param settings the caller's time zone and locale
     */
    @Activate
    public MailTemplatesImpl(@Reference MailTemplateStore store, @Reference AccessControl access,
            @Reference Records records, @Reference RecordTypes types, @Reference CustomFields fields,
            @Reference UserSettings settings) {
        this.store = store;
        this.access = access;
        this.records = records;
        this.types = types;
        this.fields = fields;
        this.settings = settings;
    }

    @Override
    public List<MailTemplate> list(String recordType) {
        Caller caller = user();
        return store.usable(recordType == null || recordType.isBlank() ? null : recordType, caller.username());
    }

    @Override
    public MailTemplate get(long id) {
        Caller caller = user();
        MailTemplate found = usable(id, caller);
        return withFiles(found);
    }

    @Override
    public MailTemplate save(MailTemplate template) {
        boolean shared = template == null || template.owner() == null;
        Caller caller = access.require(shared ? MANAGE : MailAccounts.SEND);
        if (template == null) {
            throw new ValidationException(List.of(new FieldError("template", "Send a template.")));
        }
        if (template.id() != 0 && usable(template.id(), caller).owner() == null) {
            access.require(MANAGE); // making a shared template one's own still changes a shared one
        }
        MailTemplate clean = validated(template, shared ? null : caller.username());
        Instant now = Instant.now();
        long id = clean.id();
        if (id == 0) {
            id = store.insert(clean, caller.username(), now);
        } else if (!store.update(clean, now)) {
            throw new ConflictException("The template \"" + clean.name() + "\" was changed by someone else since you "
                    + "opened it: open it again and redo your changes.");
        }
        return withFiles(store.find(id).orElseThrow(() -> new NotFoundException("E-mail template", template.id())));
    }

    @Override
    public void delete(long id) {
        changeable(id);
        store.delete(id);
    }

    @Override
    public TemplateAttachment attach(long templateId, MailAttachment file) {
        MailTemplate template = changeable(templateId);
        if (file == null) {
            throw new ValidationException(List.of(new FieldError("attachment", "Send a file.")));
        }
        MailAttachment checked = TemplateFiles.check(file, store.files(template.id()));
        return store.insertFile(template.id(), checked.name(), checked.contentType(), checked.content());
    }

    @Override
    public void detach(long templateId, long attachmentId) {
        MailTemplate template = changeable(templateId);
        if (!store.deleteFile(template.id(), attachmentId)) {
            throw new NotFoundException("File " + attachmentId + " of the template \"" + template.name()
                    + "\" does not exist (it may have been removed).");
        }
    }

    @Override
    public RenderedMail render(long templateId, String recordType, long recordId) {
        Caller caller = user();
        MailTemplate template = usable(templateId, caller);
        String type = recordType == null ? "" : recordType;
        if (!template.recordType().isBlank() && !template.recordType().equals(type)) {
            throw new ValidationException(List.of(new FieldError("recordType", "The template \"" + template.name()
                    + "\" is for " + plural(template.recordType()) + ", not for " + plural(type) + ".")));
        }
        RenderedMail merged = merge(template.subject(), template.html(), template.text(), type, recordId);
        return new RenderedMail(merged.subject(), merged.html(), merged.text(), merged.unknownFields(),
                store.contents(template.id()));
    }

    @Override
    public RenderedMail render(String subject, String html, String text, String recordType, long recordId) {
        user();
        return merge(subject, TemplateHtml.clean(html), text, recordType == null ? "" : recordType, recordId);
    }

    @Override
    public List<String> mergeFields(String recordType) {
        user();
        return engine(recordType == null ? "" : recordType).offered();
    }

    /** @return the caller, who may use templates: with {@link MailAccounts#SEND} or {@link #MANAGE} */
    private Caller user() {
        return access.permitted(MANAGE) ? access.require(MANAGE) : access.require(MailAccounts.SEND);
    }

    private MailTemplate usable(long id, Caller caller) {
        return store.find(id).filter(t -> t.owner() == null || t.owner().equals(caller.username()))
                .orElseThrow(() -> new NotFoundException("E-mail template", id));
    }

    /** @return a template the caller may change: their own with {@link MailAccounts#SEND}, a shared one with {@link #MANAGE} */
    private MailTemplate changeable(long id) {
        MailTemplate template = usable(id, user());
        access.require(template.owner() == null ? MANAGE : MailAccounts.SEND);
        return template;
    }

    private MailTemplate withFiles(MailTemplate t) {
        return new MailTemplate(t.id(), t.name(), t.recordType(), t.subject(), t.html(), t.text(), t.owner(), t.version(),
                store.files(t.id()));
    }

    /** @return the template as stored: HTML sanitised, subject on one line, owner set; refused with every error found */
    private MailTemplate validated(MailTemplate t, String owner) {
        List<FieldError> errors = new ArrayList<>();
        String name = t.name() == null ? "" : MergeEngine.oneLine(t.name());
        String subject = t.subject() == null ? "" : MergeEngine.oneLine(t.subject());
        String recordType = t.recordType() == null ? "" : t.recordType().strip();
        String html = TemplateHtml.clean(t.html());
        String text = t.text() == null || t.text().isBlank() ? "" : t.text().replace("\r\n", "\n");
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "Give the template a name."));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "The name may have at most " + MAX_NAME + " characters."));
        } else if (store.nameTaken(name, t.id())) {
            errors.add(new FieldError("name", "A template named \"" + name + "\" already exists: choose another name."));
        }
        if (subject.isEmpty()) {
            errors.add(new FieldError("subject", "Give the template a subject."));
        } else if (subject.length() > MAX_SUBJECT) {
            errors.add(new FieldError("subject", "The subject may have at most " + MAX_SUBJECT + " characters."));
        }
        if (html.length() > MAX_BODY || text.length() > MAX_BODY) {
            errors.add(new FieldError(html.length() > MAX_BODY ? "html" : "text", "A body may have at most " + MAX_BODY
                    + " characters."));
        }
        if (!recordType.isEmpty() && types.find(recordType).isEmpty()) {
            errors.add(new FieldError("recordType", "No installed module has the record type \"" + recordType + "\"."));
        } else {
            MergeEngine engine = engine(recordType);
            String of = recordType.isEmpty() ? "a template of no record type (only $[User...] fields)"
                    : plural(recordType);
            for (String[] part : new String[][] {{"subject", subject}, {"html", html}, {"text", text}}) {
                engine.unknown(part[1]).forEach(field -> errors.add(new FieldError(part[0], "Unknown merge field "
                        + field + ": there is no such field for " + of + ".")));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new MailTemplate(t.id(), name, recordType, subject, html, text, owner, t.version());
    }

    private RenderedMail merge(String subject, String html, String text, String recordType, long recordId) {
        if (recordType.isBlank()) {
            throw new ValidationException(List.of(new FieldError("recordType", "Choose the record to merge.")));
        }
        RecordType type = types.require(recordType);
        RecordRow row = records.get(recordType, recordId)
                .orElseThrow(() -> new NotFoundException(type.label(), recordId));
        return engine(recordType).render(subject, html, text, Optional.of(row), linked(), sender(), settings.regional());
    }

    /** @return the engine for a record type's fields (blank: user fields only) */
    MergeEngine engine(String recordType) {
        Optional<MergeType> main = recordType.isBlank() ? Optional.empty() : Optional.of(mergeType(recordType));
        return new MergeEngine(main, this::readable);
    }

    private MergeType mergeType(String recordType) {
        RecordType type = types.require(recordType);
        return new MergeType(type.id(), type.moduleId(), type.label(), type.pluralLabel(), fields.fields(recordType));
    }

    /** @return a type lookups point at, if the caller may read its fields */
    private Optional<MergeType> readable(String recordType) {
        try {
            return Optional.of(mergeType(recordType));
        } catch (PermissionDeniedException | NotFoundException e) {
            return Optional.empty();
        }
    }

    private MergeEngine.Linked linked() {
        return new MergeEngine.Linked() {
            @Override
            public Optional<RecordRow> record(String type, long id) {
                try {
                    return records.get(type, id);
                } catch (PermissionDeniedException | NotFoundException e) {
                    return Optional.empty();
                }
            }

            @Override
            public String title(String type, long id) {
                try {
                    return records.titles(type, List.of(id)).getOrDefault(id, "");
                } catch (PermissionDeniedException | NotFoundException e) {
                    return "";
                }
            }
        };
    }

    /** @return the caller as mail is merged for them: name, and their default account's address and signature */
    private Sender sender() {
        String name;
        try {
            name = access.me().fullName();
        } catch (RuntimeException e) { // the system, or a test double: no full name
            name = "";
        }
        Optional<MailAccount> account = Optional.empty();
        MailAccounts current = accounts;
        if (current != null) {
            try {
                account = current.defaultAccount();
            } catch (PermissionDeniedException e) {
                account = Optional.empty(); // a template manager who may not send: no signature
            }
        }
        return new Sender(name, account.map(MailAccount::fromAddress).orElse(""),
                account.map(MailAccount::signatureHtml).orElse(""));
    }

    private String plural(String recordType) {
        return types.find(recordType).map(t -> t.pluralLabel().toLowerCase(java.util.Locale.ROOT))
                .orElse(recordType.isBlank() ? "no record type" : recordType);
    }
}
