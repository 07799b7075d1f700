package org.tesseracrm.leads.internal.shell;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.leads.api.ConversionProposal;
import org.tesseracrm.leads.api.ConversionRequest;
import org.tesseracrm.leads.api.ConversionResult;
import org.tesseracrm.leads.api.LeadConversion;

/**
 * {@code crm:lead-convert}: converts a lead into a new (or linked) company, a new (or linked) contact and a new
 * opportunity. Without {@code --company-id} a company is created when the lead names one.
 */
@Service
@Command(scope = "crm", name = "lead-convert", description = "Converts a lead into a company, a contact and an "
        + "opportunity")
public class LeadConvertCommand implements Action {
    @Reference
    private LeadConversion leads;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "id", required = true, description = "the lead's id")
    private long id;

    @Option(name = "--no-opportunity", description = "create no opportunity")
    private boolean noOpportunity;

    @Option(name = "--company-id", description = "link this existing company instead of creating one")
    private long companyId;

    @Option(name = "--contact-id", description = "link this existing contact instead of creating one")
    private long contactId;

    @Override
    public Object execute() {
        ConversionResult result = callers.callAs(ShellCaller.current(), () -> {
            ConversionProposal proposal = leads.propose(id);
            ConversionRequest.Target company = companyId > 0 ? ConversionRequest.Target.link(companyId)
                    : proposal.lead().text("companyName").isEmpty() ? ConversionRequest.Target.SKIP
                            : ConversionRequest.Target.CREATE;
            ConversionRequest.Target contact = contactId > 0 ? ConversionRequest.Target.link(contactId)
                    : ConversionRequest.Target.CREATE;
            return leads.convert(new ConversionRequest(id, proposal.lead().version(), company, contact,
                    noOpportunity ? Optional.empty() : Optional.of(RecordValues.empty())));
        });
        System.out.println("Lead " + id + " converted: company " + shown(result.company()) + ", contact "
                + shown(result.contact()) + ", opportunity " + shown(result.opportunity()));
        return null;
    }

    private static String shown(Optional<RecordRef> ref) {
        return ref.map(r -> r.title() + " (id " + r.id() + ")").orElse("none");
    }
}
