package org.tesseracrm.kernel.core.internal.shell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.CreatedApiToken;
import org.tesseracrm.kernel.api.security.ShellCaller;

/**
 * {@code crm:token-create}: a personal API token for a user (the caller's own, or anybody's with the permission to
 * manage users). The secret is printed alone on the last line, so that a script can take it with {@code tail -n 1};
 * it is shown only this once.
 */
@Service
@Command(scope = "crm", name = "token-create", description = "Creates a personal API token and prints its secret alone on the last line (shown once)")
public class TokenCreateCommand implements Action {

    @Reference(optional = true) // without the database there are no tokens; the other crm: commands must still register
    private ApiTokens tokens;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "user", required = true, description = "whose token it is; calls made with it run as this user")
    private String user;

    @Argument(index = 1, name = "name", required = true, description = "what the token is for, e.g. nightly-export")
    private String name;

    @Option(name = "--read-only", description = "only reading: the API refuses POST, PUT, PATCH and DELETE")
    private boolean readOnly;

    @Option(name = "--types", description = "record type ids the token may touch, comma-separated (default: all)")
    private String types;

    @Option(name = "--expires-days", description = "days until the token stops working (default: never)")
    private Integer expiresDays;

    @Override
    public Object execute() {
        if (tokens == null) {
            System.out.println(TokenListCommand.UNAVAILABLE);
            return null;
        }
        ApiTokenRequest request = request(name, readOnly, types, expiresDays, Clock.systemUTC().instant());
        CreatedApiToken created = callers.callAs(ShellCaller.current(), () -> tokens.create(user, request));
        System.out.println("API token " + created.token().id() + " '" + created.token().name() + "' for " + user + " ("
                + TokenListCommand.describe(created.token()) + "). Copy the secret now: it is not shown again.");
        System.out.println(created.secret());
        return null;
    }

    /** @return the request the command line asks for */
    static ApiTokenRequest request(String name, boolean readOnly, String types, Integer expiresDays, Instant now) {
        Set<String> typeIds = types == null ? Set.of() : Arrays.stream(types.split(",")).map(String::trim)
                .filter(t -> !t.isEmpty()).collect(Collectors.toSet());
        if (expiresDays != null && expiresDays < 1) {
            throw new IllegalArgumentException("--expires-days needs a number of days of at least 1");
        }
        Optional<Instant> expires = Optional.ofNullable(expiresDays).map(days -> now.plus(Duration.ofDays(days)));
        return new ApiTokenRequest(name, readOnly ? ApiTokenScope.READ : ApiTokenScope.READ_WRITE, typeIds, expires);
    }
}
