package org.tesseracrm.email.internal.rest;

import java.net.URI;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.ConnectionCheck;
import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAccountInput;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailSecurity;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/email/accounts}: the mail accounts the token's user may use, through {@link MailAccounts} (which
 * checks {@code email.send} / {@code email.accounts}). Passwords are write-only: never in a response, {@code null} or
 * omitted keeps the stored one, {@code ""} removes it. A whiteboard resource served once crm-rest is installed (its
 * properties written out, as the webhooks' are, so the module installs without the REST API).
 */
@Component(service = AccountsResource.class, property = {"osgi.jakartars.resource=true", "osgi.jakartars.name=tessera.email.accounts",
        "osgi.jakartars.extension.select=" + AccountsResource.JSON})
@Path("v1/email/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {
    /** The REST runtime's JSON provider. */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final MailAccounts accounts;

    /** @param accounts does the work and checks the permissions */
    @Activate
    public AccountsResource(@Reference MailAccounts accounts) {
        this.accounts = accounts;
    }

    /** @return the accounts the caller may use (every account with email.accounts) */
    @GET
    public List<MailAccount> list() {
        return accounts.list();
    }

    /** @return 201 with the new account */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(AccountRequest request) {
        MailAccount created = accounts.save(request == null ? null : request.input(null, 0));
        return Response.created(URI.create("v1/email/accounts/" + created.id())).entity(created).build();
    }

    /** @return one account */
    @GET
    @Path("{id}")
    public MailAccount get(@PathParam("id") long id) {
        return accounts.get(id);
    }

    /** @return the account as saved; the request's version must be the one read (409 otherwise) */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MailAccount update(@PathParam("id") long id, AccountRequest request) {
        return accounts.save(request == null ? null : request.input(id, request.version() == null ? 0 : request.version()));
    }

    /** @return 204 once deleted; its mail stays in the log */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        accounts.delete(id);
        return Response.noContent().build();
    }

    /** @return what each server answered when the account signed in (nothing is sent) */
    @POST
    @Path("{id}/test")
    public ConnectionCheck test(@PathParam("id") long id) {
        return accounts.test(id);
    }

    /**
     * An account as the API takes it (see {@link MailAccount} for the members).
     *
     * @param version on PUT, the version read
     * @param shared true for a shared account (needs email.accounts), false or omitted for the caller's own
     * @param smtpPassword write-only: omitted or null keeps, "" removes
     * @param imapPassword write-only: omitted or null keeps, "" removes
     * @param enabled default true
     */
    public record AccountRequest(Long version, String name, Boolean shared, String fromAddress, String fromName, String smtpHost,
            Integer smtpPort, MailSecurity smtpSecurity, String smtpUser, String smtpPassword, String imapHost, Integer imapPort,
            MailSecurity imapSecurity, String imapUser, String imapPassword, String imapFolder, Integer sendPerMinute,
            String signatureHtml, Boolean enabled) {
        MailAccountInput input(Long id, long currentVersion) {
            return new MailAccountInput(id, currentVersion, name, shared != null && shared, fromAddress, fromName, smtpHost,
                    smtpPort == null ? 0 : smtpPort, smtpSecurity, smtpUser, smtpPassword, imapHost, imapPort == null ? 0 : imapPort,
                    imapSecurity, imapUser, imapPassword, imapFolder, sendPerMinute == null ? 0 : sendPerMinute, signatureHtml,
                    enabled == null || enabled);
        }
    }
}
