package org.tesseracrm.faq.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.faq.api.FaqSuggestion;
import org.tesseracrm.faq.api.Faqs;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code crm:faq-suggest}: the published FAQs matching a text, or a case's subject and description. */
@Service
@Command(scope = "crm", name = "faq-suggest", description = "Suggests published FAQs for a text or a case")
public class FaqSuggestCommand implements Action {
    @Reference
    private Faqs faqs;

    @Reference
    private CallerContext callers;

    @Option(name = "--case", description = "a case's id: suggest by its subject and description")
    private long caseId;

    @Option(name = "--limit", description = "the most listed, 1 to 50 (default 10)")
    private int limit = 10;

    @Argument(index = 0, name = "text", required = false, multiValued = true, description = "the words to match")
    private List<String> text;

    @Override
    public Object execute() {
        List<FaqSuggestion> found = callers.callAs(ShellCaller.current(), () -> caseId > 0
                ? faqs.suggestForCase(caseId, limit) : faqs.suggest(text == null ? "" : String.join(" ", text), limit));
        found.forEach(s -> System.out.println("#" + s.id() + " " + s.question() + " (" + (s.category().isEmpty()
                ? "no category" : s.category()) + ", " + s.score() + " words, solved " + s.timesUsed() + " cases)"));
        if (found.isEmpty()) {
            System.out.println("No FAQs match");
        }
        return null;
    }
}
