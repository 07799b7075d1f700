package org.tesseracrm.kernel.core.internal.shell;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.ShellCaller;

/**
 * {@code crm:token-list}: a user's API tokens (never their secrets); without a user, every token for a user
 * administrator, else the caller's own.
 */
@Service
@Command(scope = "crm", name = "token-list", description = "Lists API tokens: a user's, or without a user every token (an administrator) or your own")
public class TokenListCommand implements Action {
    static final String UNAVAILABLE = "API tokens are not available: the kernel has no database (see /health).";

    @Reference(optional = true)
    private ApiTokens tokens;

    @Reference
    private CallerContext callers;

    @Reference
    private AccessControl access;

    @Argument(index = 0, name = "user", required = false, description = "whose tokens to list")
    private String user;

    @Override
    public Object execute() {
        if (tokens == null) {
            System.out.println(UNAVAILABLE);
            return null;
        }
        List<ApiToken> found = callers.callAs(ShellCaller.current(), () -> {
            if (user != null) {
                return tokens.list(user);
            }
            return access.permitted(SecurityAdmin.MANAGE_USERS) ? tokens.listAll()
                    : tokens.list(callers.current().orElseThrow().username());
        });
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "User", "Name", "Scope", "Types", "Created", "Expires", "Last used", "State")) {
            table.column(column);
        }
        Instant now = Instant.now();
        for (ApiToken token : found) {
            table.addRow().addContent(token.id(), token.username(), token.name(), token.scope(),
                    token.recordTypes().isEmpty() ? "all" : String.join(",", new TreeSet<>(token.recordTypes())),
                    token.createdAt(), token.expiresAt().map(Instant::toString).orElse("never"),
                    token.lastUsedAt().map(Instant::toString).orElse("never"), state(token, now));
        }
        table.print(System.out);
        return null;
    }

    static String state(ApiToken token, Instant now) {
        return token.revokedAt().isPresent() ? "revoked" : token.usableAt(now) ? "active" : "expired";
    }

    /** @return scope, types and expiry in words */
    static String describe(ApiToken token) {
        return (token.scope() == org.tesseracrm.kernel.api.security.ApiTokenScope.READ ? "read only" : "read and write")
                + ", " + (token.recordTypes().isEmpty() ? "all record types" : "record types "
                        + String.join(", ", new TreeSet<>(token.recordTypes())))
                + ", " + token.expiresAt().map(at -> "expires " + at).orElse("does not expire");
    }
}
