package org.tesseracrm.email.internal.compose;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.MailSecurity;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.email.api.OutgoingMail;
import org.tesseracrm.email.api.RenderedMail;
import org.tesseracrm.email.api.Suppressions;
import org.tesseracrm.kernel.api.ValidationException;

/**
 * The e-mail services the compose package calls, as proxies answering only the methods it uses (so a method added
 * to an API interface does not break these tests).
 */
final class Fakes {
    final List<MailTemplate> templates = new ArrayList<>();
    final List<OutgoingMail> queued = new ArrayList<>();
    final Set<String> suppressed = new java.util.HashSet<>();
    final List<MailAccount> accounts = new ArrayList<>();
    /** Records whose rendering fails, with the message. */
    final Map<Long, String> renderFails = new HashMap<>();

    static MailAccount account(long id, String name) {
        return new MailAccount(id, name, null, name.toLowerCase().replace(' ', '.') + "@example.com", "", "smtp.example",
                587, MailSecurity.STARTTLS, "", false, "", 0, MailSecurity.NONE, "", false, "INBOX", 60, "", true, 1);
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answer.apply(args);
        });
    }

    MailTemplates templates() {
        return proxy(MailTemplates.class, Map.of(
                "list", args -> templates.stream().filter(t -> t.recordType().isBlank()
                        || t.recordType().equals(args[0])).toList(),
                "render", args -> {
                    long recordId = (Long) args[2];
                    if (renderFails.containsKey(recordId)) {
                        throw new ValidationException(List.of(new org.tesseracrm.kernel.api.FieldError("record",
                                renderFails.get(recordId))));
                    }
                    List<org.tesseracrm.email.api.MailAttachment> files = (Long) args[0] == 8L
                            ? List.of(new org.tesseracrm.email.api.MailAttachment("news.pdf", "application/pdf",
                                    new byte[] {37, 80, 68, 70}))
                            : List.of();
                    return new RenderedMail("Hello " + args[1] + " #" + recordId, "<p>Hi #" + recordId + "</p>",
                            "Hi #" + recordId, List.of(), files);
                }));
    }

    Mailer mailer() {
        return proxy(Mailer.class, Map.of("queue", args -> {
            OutgoingMail mail = (OutgoingMail) args[0];
            queued.add(mail);
            boolean skipped = mail.to().stream().allMatch(suppressed::contains);
            return new MailMessage(queued.size(), mail.accountId(), skipped ? MailState.SKIPPED : MailState.QUEUED,
                    false, "<m" + queued.size() + "@test>", "me@example.com", mail.to(), mail.cc(), mail.subject(),
                    mail.html(), mail.text(), List.of(), mail.records(), "me", Instant.EPOCH, null, 0,
                    skipped ? "unsubscribed" : "", mail.source());
        }));
    }

    Suppressions suppressions() {
        return proxy(Suppressions.class, Map.of("suppressed", args -> suppressed.contains(args[0])));
    }

    /** Who each call ran as, in order. */
    final List<String> ranAs = new ArrayList<>();

    /** A caller context that records the user each piece of work runs as. */
    org.tesseracrm.kernel.api.security.CallerContext callers() {
        return proxy(org.tesseracrm.kernel.api.security.CallerContext.class, Map.of("callAs", args -> {
            ranAs.add(((org.tesseracrm.kernel.api.security.Caller) args[0]).username());
            return ((java.util.function.Supplier<?>) args[1]).get();
        }));
    }

    MailAccounts accounts() {
        return proxy(MailAccounts.class, Map.of("list", args -> List.copyOf(accounts),
                "defaultAccount", args -> accounts.stream().findFirst().map(Optional::of).orElse(Optional.empty())));
    }
}
