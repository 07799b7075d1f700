package org.tesseracrm.kernel.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code crm:token-revoke}: the token stops working at once. */
@Service
@Command(scope = "crm", name = "token-revoke", description = "Revokes an API token: the next call made with it is refused")
public class TokenRevokeCommand implements Action {

    @Reference(optional = true)
    private ApiTokens tokens;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "id", required = true, description = "the token's id, as crm:token-list shows it")
    private long id;

    @Override
    public Object execute() {
        if (tokens == null) {
            System.out.println(TokenListCommand.UNAVAILABLE);
            return null;
        }
        ApiToken token = callers.callAs(ShellCaller.current(), () -> tokens.revoke(id));
        System.out.println("API token " + token.id() + " '" + token.name() + "' of " + token.username() + " is revoked.");
        return null;
    }
}
