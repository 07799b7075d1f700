package org.tesseracrm.email.internal.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.email.api.ConnectionCheck;
import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAccountInput;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailSecurity;
import org.tesseracrm.email.internal.outbox.Addresses;
import org.tesseracrm.email.internal.outbox.OutboxConfig;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.Secrets;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;

/**
 * Mail accounts: shared ones ({@value MailAccounts#MANAGE}) and each user's own ({@value MailAccounts#SEND}).
 * Passwords are sealed with the kernel's {@link Secrets}, write-only ({@code null} keeps, "" removes) and never
 * returned; {@link #test} signs in to the servers with the outbox's short timeouts.
 */
@Component(service = MailAccounts.class, configurationPid = OutboxConfig.PID)
public class MailAccountsImpl implements MailAccounts {
    /** Messages at most per minute an account may be set to. */
    public static final int MAX_PER_MINUTE = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(MailAccountsImpl.class);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,253}[A-Za-z0-9])?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int MAX_SIGNATURE = 10_000;
    private static final Safelist SIGNATURE = Safelist.relaxed().addProtocols("img", "src", "http", "https", "cid");

    private final AccessControl access;
    private final AccountStore store;
    private final Secrets secrets;
    private final OutboxConfig config;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param access the caller's permissions
     * @param dataSource the CRM database
     * @param scope the one transaction scope
     * @param secrets seals the passwords
     * @param schema present once the integration's tables exist
     * @param config the timeouts of {@link #test}
     */
    @Activate
    public MailAccountsImpl(@Reference AccessControl access, @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference TransactionScope scope, @Reference Secrets secrets,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.email)") MigratedSchema schema, OutboxConfig config) {
        this(access, new AccountStore(dataSource, scope), secrets, config);
    }

    MailAccountsImpl(AccessControl access, AccountStore store, Secrets secrets, OutboxConfig config) {
        this.access = access;
        this.store = store;
        this.secrets = secrets;
        this.config = config;
    }

    /**
     * @param access the caller's permissions
     * @return the caller, who holds {@value MailAccounts#MANAGE} or {@value MailAccounts#SEND}
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException with neither
     */
    public static Caller requireUse(AccessControl access) {
        return access.permitted(MANAGE) ? access.require(MANAGE) : access.require(SEND);
    }

    /**
     * @param account an account
     * @param user a user
     * @param manage whether the user holds {@value MailAccounts#MANAGE}
     * @return whether the user may send through (and see) the account
     */
    public static boolean mayUse(MailAccount account, String user, boolean manage) {
        return manage || account.owner() == null || account.owner().equals(user);
    }

    @Override
    public List<MailAccount> list() {
        Caller caller = requireUse(access);
        List<StoredAccount> accounts = access.permitted(MANAGE) ? store.all() : store.usableBy(caller.username());
        return accounts.stream().map(StoredAccount::account).toList();
    }

    @Override
    public MailAccount get(long id) {
        return usable(requireUse(access), id).account();
    }

    @Override
    public MailAccount save(MailAccountInput input) {
        Caller caller = requireUse(access);
        if (input == null) {
            throw new ValidationException(List.of(new FieldError("account", "Give the account's fields.")));
        }
        if (input.shared()) {
            access.require(MANAGE);
        }
        Optional<StoredAccount> before = Optional.empty();
        if (input.id() != null) {
            before = Optional.of(usable(caller, input.id()));
            if (before.get().account().owner() == null) {
                access.require(MANAGE);
            }
        }
        MailAccountInput clean = normalised(input);
        check(clean);
        String owner = clean.shared() ? null
                : before.map(b -> b.account().owner()).filter(o -> o != null).orElse(caller.username());
        String smtpPassword = password(clean.smtpPassword(), before.flatMap(StoredAccount::sealedSmtpPassword));
        String imapPassword = password(clean.imapPassword(), before.flatMap(StoredAccount::sealedImapPassword));
        long id;
        if (before.isEmpty()) {
            id = store.insert(clean, owner, smtpPassword, imapPassword, caller.username(), clock.instant());
            LOG.info("{} created mail account {} ({})", caller.username(), id, owner == null ? "shared" : "of " + owner);
        } else {
            id = before.get().account().id();
            if (!store.update(id, clean.version(), clean, owner, smtpPassword, imapPassword)) {
                throw new ConflictException("The mail account " + before.get().account().name()
                        + " was changed meanwhile: reload it and save again.");
            }
        }
        return store.find(id).orElseThrow(() -> new NotFoundException("Mail account", id)).account();
    }

    @Override
    public void delete(long id) {
        Caller caller = requireUse(access);
        StoredAccount account = usable(caller, id);
        if (account.account().owner() == null) {
            access.require(MANAGE);
        }
        store.delete(id);
        LOG.info("{} deleted mail account {}", caller.username(), id);
    }

    @Override
    public ConnectionCheck test(long id) {
        StoredAccount stored = usable(requireUse(access), id);
        MailAccount account = stored.account();
        Check smtp = checkSmtp(account, stored.sealedSmtpPassword().map(secrets::openText));
        Check imap = account.captures() ? checkImap(account, stored.sealedImapPassword().map(secrets::openText))
                : new Check(true, "");
        return new ConnectionCheck(smtp.ok() && imap.ok(), smtp.message(), imap.message());
    }

    @Override
    public Optional<MailAccount> defaultAccount() {
        Caller caller = requireUse(access);
        List<MailAccount> usable = store.usableBy(caller.username()).stream().map(StoredAccount::account)
                .filter(MailAccount::enabled).toList();
        return usable.stream().filter(a -> caller.username().equals(a.owner())).findFirst()
                .or(() -> usable.stream().filter(a -> a.owner() == null).findFirst());
    }

    private StoredAccount usable(Caller caller, long id) {
        boolean manage = access.permitted(MANAGE);
        return store.find(id).filter(a -> mayUse(a.account(), caller.username(), manage))
                .orElseThrow(() -> new NotFoundException("Mail account", id));
    }

    private String password(String given, Optional<String> sealedBefore) {
        if (given == null) {
            return sealedBefore.orElse(null);
        }
        return given.isEmpty() ? null : secrets.seal(given);
    }

    private record Check(boolean ok, String message) {
    }

    private Check checkSmtp(MailAccount account, Optional<String> password) {
        String server = account.smtpHost() + ":" + account.smtpPort();
        boolean auth = !account.smtpUser().isBlank();
        Session session = MailSessions.session(MailSessions.properties(account.smtpHost(), account.smtpPort(), account.smtpSecurity(),
                false, auth, config.connectTimeoutSeconds() * 1000, config.readTimeoutSeconds() * 1000));
        try {
            MailSessions.withMailLoader(() -> {
                try (Transport transport = session.getTransport(MailSessions.protocol(account.smtpSecurity(), false))) {
                    transport.connect(account.smtpHost(), account.smtpPort(), auth ? account.smtpUser() : null,
                            auth ? password.orElse("") : null);
                }
                return null;
            });
            return new Check(true, (auth ? "Connected and signed in to " : "Connected to ") + server + " (" + security(account.smtpSecurity())
                    + ")" + (auth ? "." : ", without a login."));
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("SMTP check of mail account {} failed", account.id(), e);
            return new Check(false, MailSessions.explain(server, e, config.connectTimeoutSeconds()));
        }
    }

    private Check checkImap(MailAccount account, Optional<String> password) {
        String server = account.imapHost() + ":" + account.imapPort();
        Session session = MailSessions.session(MailSessions.properties(account.imapHost(), account.imapPort(), account.imapSecurity(),
                true, true, config.connectTimeoutSeconds() * 1000, config.readTimeoutSeconds() * 1000));
        try {
            boolean folder = MailSessions.withMailLoader(() -> {
                try (Store mailbox = session.getStore(MailSessions.protocol(account.imapSecurity(), true))) {
                    mailbox.connect(account.imapHost(), account.imapPort(), account.imapUser(), password.orElse(""));
                    Folder wanted = mailbox.getFolder(account.imapFolder());
                    return wanted.exists();
                }
            });
            if (!folder) {
                return new Check(false, "Signed in to " + server + ", but it has no folder " + account.imapFolder()
                        + ": check the folder's name (usually INBOX).");
            }
            return new Check(true, "Connected and signed in to " + server + " (" + security(account.imapSecurity()) + "), folder "
                    + account.imapFolder() + " found.");
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("IMAP check of mail account {} failed", account.id(), e);
            return new Check(false, MailSessions.explain(server, e, config.connectTimeoutSeconds()));
        }
    }

    private static String security(MailSecurity security) {
        return switch (security) {
            case NONE -> "no encryption";
            case STARTTLS -> "STARTTLS";
            case TLS -> "TLS";
        };
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    static MailAccountInput normalised(MailAccountInput in) {
        String imapHost = text(in.imapHost());
        String folder = text(in.imapFolder()).isEmpty() ? "INBOX" : text(in.imapFolder());
        MailSecurity imapSecurity = in.imapSecurity() == null ? MailSecurity.TLS : in.imapSecurity();
        int imapPort = in.imapPort() == 0 && !imapHost.isEmpty() ? (imapSecurity == MailSecurity.TLS ? 993 : 143) : in.imapPort();
        MailSecurity smtpSecurity = in.smtpSecurity() == null ? MailSecurity.STARTTLS : in.smtpSecurity();
        int smtpPort = in.smtpPort() == 0 ? switch (smtpSecurity) {
            case TLS -> 465;
            case STARTTLS -> 587;
            case NONE -> 25;
        } : in.smtpPort();
        String signature = in.signatureHtml() == null || in.signatureHtml().isBlank() ? null
                : Jsoup.clean(in.signatureHtml(), SIGNATURE);
        return new MailAccountInput(in.id(), in.version(), text(in.name()), in.shared(), text(in.fromAddress()), text(in.fromName()),
                text(in.smtpHost()), smtpPort, smtpSecurity, text(in.smtpUser()), in.smtpPassword(), imapHost, imapPort,
                imapSecurity, text(in.imapUser()), in.imapPassword(), folder, in.sendPerMinute() == 0 ? 30 : in.sendPerMinute(),
                signature, in.enabled());
    }

    static void check(MailAccountInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.name().isEmpty()) {
            errors.add(new FieldError("name", "Give the account a name, e.g. Sales team."));
        } else if (in.name().length() > 100) {
            errors.add(new FieldError("name", "At most 100 characters."));
        }
        Addresses.problem(in.fromAddress()).ifPresent(p -> errors.add(new FieldError("fromAddress", p)));
        if (in.fromName().length() > 200 || in.fromName().contains("\n") || in.fromName().contains("\r")) {
            errors.add(new FieldError("fromName", "One line of at most 200 characters."));
        }
        host("smtpHost", in.smtpHost(), true, errors);
        port("smtpPort", in.smtpPort(), errors);
        if (in.smtpUser().length() > 254) {
            errors.add(new FieldError("smtpUser", "At most 254 characters."));
        }
        if (in.smtpPassword() != null && in.smtpPassword().length() > 500) {
            errors.add(new FieldError("smtpPassword", "At most 500 characters."));
        }
        if (!in.imapHost().isEmpty()) {
            host("imapHost", in.imapHost(), false, errors);
            port("imapPort", in.imapPort(), errors);
            if (in.imapUser().isEmpty()) {
                errors.add(new FieldError("imapUser", "Give the IMAP login (often the e-mail address)."));
            }
        }
        if (in.imapUser().length() > 254) {
            errors.add(new FieldError("imapUser", "At most 254 characters."));
        }
        if (in.imapPassword() != null && in.imapPassword().length() > 500) {
            errors.add(new FieldError("imapPassword", "At most 500 characters."));
        }
        if (in.imapFolder().length() > 200) {
            errors.add(new FieldError("imapFolder", "At most 200 characters."));
        }
        if (in.sendPerMinute() < 1 || in.sendPerMinute() > MAX_PER_MINUTE) {
            errors.add(new FieldError("sendPerMinute", "From 1 to " + MAX_PER_MINUTE + " messages a minute."));
        }
        if (in.signatureHtml() != null && in.signatureHtml().length() > MAX_SIGNATURE) {
            errors.add(new FieldError("signatureHtml", "At most " + MAX_SIGNATURE + " characters of HTML."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void host(String field, String host, boolean required, List<FieldError> errors) {
        if (host.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "Give the server's host name, e.g. smtp.example.com."));
            }
        } else if (host.length() > 255 || !HOST.matcher(host).matches()) {
            errors.add(new FieldError(field, "Not a host name: " + host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.:-]", "?")
                    + " (write only the name, e.g. smtp.example.com, without a scheme or port)."));
        }
    }

    private static void port(String field, int port, List<FieldError> errors) {
        if (port < 1 || port > 65_535) {
            errors.add(new FieldError(field, "A port from 1 to 65535 (SMTP: 587 with STARTTLS, 465 with TLS; IMAP: 993 with TLS)."));
        }
    }
}
