package org.tesseracrm.email.internal.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.RenderedMail;
import org.tesseracrm.email.api.TemplateAttachment;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerInfo;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.api.security.UserSettings;

/** The service's permission, visibility and validation rules, with the tables and the platform faked. */
class MailTemplatesImplTest {
    private final Set<String> permissions = new HashSet<>(Set.of(MailAccounts.SEND));
    private String user = "ann";
    private final FakeStore store = new FakeStore();
    private final MailTemplatesImpl service = new MailTemplatesImpl(store, access(), records(), types(), fields(),
            proxy(UserSettings.class, Map.of("regional", args -> RegionalSettings.DEFAULT)));

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, java.util.function.Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(MailTemplatesImplTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    if (!answers.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answers.get(method.getName()).apply(args);
                });
    }

    private AccessControl access() {
        return proxy(AccessControl.class, Map.of(
                "permitted", args -> permissions.contains((String) args[0]),
                "require", args -> {
                    if (!permissions.contains((String) args[0])) {
                        throw new PermissionDeniedException("You may not: " + args[0]);
                    }
                    return new Caller(user);
                },
                "me", args -> new CallerInfo(user, "Ann Seller", false, permissions)));
    }

    private static Records records() {
        return proxy(Records.class, Map.of(
                "get", args -> (long) args[1] == 12 ? Optional.of(new RecordRow(12, 1, Map.of("firstName", "Ada")))
                        : Optional.empty(),
                "titles", args -> Map.of()));
    }

    private static RecordTypes types() {
        RecordType contact = proxy(RecordType.class, Map.of("id", args -> "contact", "moduleId", args -> "contacts",
                "label", args -> "Contact", "pluralLabel", args -> "Contacts"));
        return proxy(RecordTypes.class, Map.of("find", args -> args[0].equals("contact") ? Optional.of(contact)
                : Optional.empty(), "require", args -> {
                    if (!args[0].equals("contact")) {
                        throw new NotFoundException("No module providing record type " + args[0]);
                    }
                    return contact;
                }));
    }

    private static CustomFields fields() {
        return proxy(CustomFields.class, Map.of("fields", args -> List.of(
                FieldDefinition.predefined("firstName", "First name", FieldType.TEXT, "FIRST_NAME", false, 100))));
    }

    private static MailTemplate template(String name, String owner) {
        return new MailTemplate(0, name, "contact", "Hi $[Contacts.First name|there]", "<p>Hi</p><script>x()</script>", "",
                owner, 0);
    }

    @Test
    void aSenderKeepsTheirOwnTemplatesButNeedsTheManagePermissionForSharedOnes() {
        assertThrows(PermissionDeniedException.class, () -> service.save(template("Shared", null)));
        MailTemplate own = service.save(template("Mine", "someone-else"));
        assertEquals("ann", own.owner());
        assertEquals("<p>Hi</p>", own.html());
        permissions.add(MailTemplates.MANAGE);
        assertNull(service.save(template("Shared", null)).owner());
    }

    @Test
    void anotherUsersOwnTemplateIsNotFoundForUseOrChange() {
        MailTemplate own = service.save(template("Mine", "me"));
        user = "bob";
        assertThrows(NotFoundException.class, () -> service.get(own.id()));
        assertThrows(NotFoundException.class, () -> service.render(own.id(), "contact", 12));
        assertThrows(NotFoundException.class, () -> service.delete(own.id()));
        assertThrows(NotFoundException.class, () -> service.attach(own.id(), new MailAttachment("a.txt", "text/plain",
                new byte[] {'a'})));
    }

    @Test
    void aSharedTemplateIsChangedOnlyWithTheManagePermission() {
        permissions.add(MailTemplates.MANAGE);
        MailTemplate shared = service.save(template("Shared", null));
        permissions.remove(MailTemplates.MANAGE);
        assertEquals("Shared", service.get(shared.id()).name());
        assertThrows(PermissionDeniedException.class, () -> service.delete(shared.id()));
        MailTemplate madeOwn = new MailTemplate(shared.id(), "Shared", "contact", "x", "", "x", "ann", shared.version());
        assertThrows(PermissionDeniedException.class, () -> service.save(madeOwn));
        assertThrows(PermissionDeniedException.class, () -> service.attach(shared.id(), new MailAttachment("a.txt",
                "text/plain", new byte[] {'a'})));
    }

    @Test
    void withoutEitherPermissionNothingIsAllowed() {
        permissions.clear();
        assertThrows(PermissionDeniedException.class, () -> service.list(null));
        assertThrows(PermissionDeniedException.class, () -> service.mergeFields("contact"));
        assertThrows(PermissionDeniedException.class, () -> service.render("s", "", "", "contact", 12));
        assertThrows(PermissionDeniedException.class, () -> service.save(null));
        assertThrows(PermissionDeniedException.class, () -> service.get(1));
    }

    @Test
    void unknownFieldsAndATakenNameAreRefusedEachNamed() {
        service.save(template("Welcome", "me"));
        ValidationException refused = assertThrows(ValidationException.class, () -> service.save(new MailTemplate(0,
                " welcome ", "contact", "$[Contacts.Shoe size]", "<p>$[Contacts.Hat size] $[Contacts.First name]</p>",
                "$[Leads.First name]", "me", 0)));
        List<String> messages = refused.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("name: A template named \"welcome\" already exists"), messages.toString());
        assertTrue(messages.contains("subject: Unknown merge field $[Contacts.Shoe size]: there is no such field for contacts."),
                messages.toString());
        assertTrue(messages.contains("html: Unknown merge field $[Contacts.Hat size]: there is no such field for contacts."),
                messages.toString());
        assertTrue(messages.get(3).startsWith("text: Unknown merge field $[Leads.First name]"), messages.toString());
        ValidationException blank = assertThrows(ValidationException.class, () -> service.save(new MailTemplate(0, " ",
                "nothing", " ", "", "", "me", 0)));
        assertEquals(List.of("name", "subject", "recordType"), blank.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void aTemplateRendersForARecordTheCallerSeesOfItsOwnType() {
        MailTemplate own = service.save(template("Mine", "me"));
        RenderedMail mail = service.render(own.id(), "contact", 12);
        assertEquals("Hi Ada", mail.subject());
        assertThrows(NotFoundException.class, () -> service.render(own.id(), "contact", 13));
        ValidationException other = assertThrows(ValidationException.class, () -> service.render(own.id(), "lead", 12));
        assertTrue(other.getMessage().contains("is for contacts, not for lead"), other.getMessage());
        assertEquals("Dear Ada", service.render("Dear $[Contacts.First name]", null, null, "contact", 12).subject());
    }

    @Test
    void aManagerWhoMayNotSendStillPreviewsWithoutASignature() {
        permissions.clear();
        permissions.add(MailTemplates.MANAGE);
        MailTemplate shared = service.save(new MailTemplate(0, "Signed", "contact", "s", "<p>$[User.Signature|-]</p>", "",
                null, 0));
        assertEquals("<p>-</p>", service.render(shared.id(), "contact", 12).html());
    }

    /** The templates' tables in memory. */
    private static final class FakeStore extends MailTemplateStore {
        private final List<MailTemplate> rows = new ArrayList<>();
        private final List<TemplateAttachment> files = new ArrayList<>();

        FakeStore() {
            super(null, null, null);
        }

        @Override
        List<MailTemplate> usable(String recordType, String user) {
            return rows.stream().filter(t -> t.owner() == null || t.owner().equals(user)).toList();
        }

        @Override
        Optional<MailTemplate> find(long id) {
            return rows.stream().filter(t -> t.id() == id).findFirst();
        }

        @Override
        boolean nameTaken(String name, long except) {
            return rows.stream().anyMatch(t -> t.id() != except && key(t.name()).equals(key(name)));
        }

        @Override
        long insert(MailTemplate t, String createdBy, Instant now) {
            long id = rows.size() + 1;
            rows.add(new MailTemplate(id, t.name(), t.recordType(), t.subject(), t.html(), t.text(), t.owner(), 0));
            return id;
        }

        @Override
        boolean update(MailTemplate t, Instant now) {
            boolean current = rows.removeIf(r -> r.id() == t.id() && r.version() == t.version());
            if (current) {
                rows.add(new MailTemplate(t.id(), t.name(), t.recordType(), t.subject(), t.html(), t.text(), t.owner(),
                        t.version() + 1));
            }
            return current;
        }

        @Override
        void delete(long id) {
            rows.removeIf(r -> r.id() == id);
        }

        @Override
        List<TemplateAttachment> files(long templateId) {
            return files.stream().filter(f -> f.templateId() == templateId).toList();
        }

        @Override
        List<MailAttachment> contents(long templateId) {
            return List.of();
        }

        @Override
        TemplateAttachment insertFile(long templateId, String name, String contentType, byte[] content) {
            TemplateAttachment file = new TemplateAttachment(files.size() + 1, templateId, name, contentType, content.length);
            files.add(file);
            return file;
        }
    }
}
