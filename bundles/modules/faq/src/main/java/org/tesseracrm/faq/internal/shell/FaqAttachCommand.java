package org.tesseracrm.faq.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.faq.api.Faqs;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code crm:faq-attach}: attaches a published FAQ to a case (counted once per case). */
@Service
@Command(scope = "crm", name = "faq-attach", description = "Attaches a published FAQ to a case")
public class FaqAttachCommand implements Action {
    @Reference
    private Faqs faqs;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "case", required = true, description = "the case's id")
    private long caseId;

    @Argument(index = 1, name = "faq", required = true, description = "the FAQ's id")
    private long faqId;

    @Override
    public Object execute() {
        boolean now = callers.callAs(ShellCaller.current(), () -> faqs.attach(caseId, faqId));
        System.out.println(now ? "Attached FAQ #" + faqId + " to case #" + caseId
                : "FAQ #" + faqId + " was already attached to case #" + caseId);
        return null;
    }
}
