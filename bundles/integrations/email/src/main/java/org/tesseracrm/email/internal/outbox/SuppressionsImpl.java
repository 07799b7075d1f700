package org.tesseracrm.email.internal.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.Suppressions;
import org.tesseracrm.email.internal.account.MailAccountsImpl;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;

/**
 * Addresses that bulk sends and campaigns skip (CRM_EMAIL_SUPPRESSION, kept in lower case). Looking one up needs
 * {@value MailAccounts#SEND} or {@value MailAccounts#MANAGE} (the system may do everything); adding one for an
 * unsubscribe or a bounce needs no permission (the public unsubscribe link runs as the system), adding one by hand,
 * removing and listing need {@value MailAccounts#MANAGE}.
 */
@Component(service = Suppressions.class)
public class SuppressionsImpl implements Suppressions {
    private static final Logger LOG = LoggerFactory.getLogger(SuppressionsImpl.class);

    private final AccessControl access;
    private final DataSource dataSource;
    private final TransactionScope scope;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param access the caller's permissions
     * @param dataSource the CRM database
     * @param scope the one transaction scope
     * @param schema present once the integration's tables exist
     */
    @Activate
    public SuppressionsImpl(@Reference AccessControl access, @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference TransactionScope scope, @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.email)") MigratedSchema schema) {
        this.access = access;
        this.dataSource = dataSource;
        this.scope = scope;
    }

    @Override
    public boolean suppressed(String address) {
        MailAccountsImpl.requireUse(access);
        return address != null && !among(dataSource, List.of(address)).isEmpty();
    }

    @Override
    public void add(String address, Reason reason, String source) {
        Caller caller = reason == null || reason == Reason.ADMIN ? access.require(MailAccounts.MANAGE) : Caller.SYSTEM;
        Addresses.problem(address).ifPresent(p -> {
            throw new ValidationException(List.of(new FieldError("address", p)));
        });
        String bare = Addresses.bare(address);
        String from = source == null ? "" : MessageStore.cut(source.strip(), 200);
        boolean added = scope.required(c -> {
            try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM CRM_EMAIL_SUPPRESSION WHERE ADDRESS = ?")) {
                find.setString(1, bare);
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO CRM_EMAIL_SUPPRESSION (ADDRESS, REASON, CREATED_AT, SOURCE) "
                    + "VALUES (?, ?, ?, ?)")) {
                ModuleSql.bind(insert, List.of(bare, reason.name(), MessageStore.ts(clock.instant()), from));
                insert.executeUpdate();
            }
            return true;
        });
        if (added) {
            LOG.info("{} suppressed an address ({}, {})", caller.username(), reason, from);
        }
    }

    @Override
    public void remove(String address) {
        access.require(MailAccounts.MANAGE);
        if (address == null || address.isBlank()) {
            throw new ValidationException(List.of(new FieldError("address", "Give the address to mail again.")));
        }
        String bare = Addresses.bare(address);
        scope.required(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM CRM_EMAIL_SUPPRESSION WHERE ADDRESS = ?")) {
                delete.setString(1, bare);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public List<Suppression> list(int limit) {
        access.require(MailAccounts.MANAGE);
        return ModuleSql.query(dataSource, "SELECT ADDRESS, REASON, CREATED_AT, SOURCE FROM CRM_EMAIL_SUPPRESSION "
                + "ORDER BY CREATED_AT DESC, ADDRESS", List.of(), Math.max(1, Math.min(limit, 10_000)),
                rs -> new Suppression(rs.getString(1), Reason.valueOf(rs.getString(2)), instant(rs.getTimestamp(3)), rs.getString(4)));
    }

    /**
     * @param dataSource the CRM database
     * @param addresses addresses, any case, with or without names
     * @return those of them that are suppressed, as lower-case bare addresses
     */
    static Set<String> among(DataSource dataSource, Collection<String> addresses) {
        List<String> bare = new ArrayList<>(new LinkedHashSet<>(addresses.stream().map(Addresses::bare).toList()));
        Set<String> found = new LinkedHashSet<>();
        for (int from = 0; from < bare.size(); from += 100) {
            List<String> chunk = bare.subList(from, Math.min(bare.size(), from + 100));
            found.addAll(ModuleSql.query(dataSource, "SELECT ADDRESS FROM CRM_EMAIL_SUPPRESSION WHERE ADDRESS IN ("
                    + ModuleSql.placeholders(chunk.size()) + ")", chunk, chunk.size(), rs -> rs.getString(1)));
        }
        return found;
    }

    private static Instant instant(Timestamp value) {
        return value.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
