package org.tesseracrm.faq.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * The FAQ service. Every method checks the caller's permissions and the records' visibility: drafts are seen only by
 * users with {@code faq.edit} (the record type shares published FAQs with every user with {@code faq.view}).
 */
@ProviderType
public interface Faqs {
    /**
     * Publishes a FAQ: readers find it from now on.
     *
     * @param faqId a FAQ the caller sees
     * @return the FAQ, published
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code faq.edit}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the FAQ
     */
    RecordRow publish(long faqId);

    /**
     * Turns a published FAQ back into a draft: readers no longer find it.
     *
     * @param faqId a FAQ the caller sees
     * @return the FAQ, a draft
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code faq.edit}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the FAQ
     */
    RecordRow unpublish(long faqId);

    /**
     * The published FAQs that best match a text, best first.
     *
     * @param text what the FAQs are looked for by (a case's subject and description)
     * @param limit the most wanted, 1 to 50
     * @return the suggestions; empty for a text without words to look for
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code faq.view}
     */
    List<FaqSuggestion> suggest(String text, int limit);

    /**
     * The published FAQs that best match a case's subject and description and are not attached to it yet.
     *
     * @param caseId a case the caller sees
     * @param limit the most wanted, 1 to 50
     * @return the suggestions, best first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code faq.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the case
     */
    List<FaqSuggestion> suggestForCase(long caseId, int limit);

    /**
     * @param caseId a case the caller sees
     * @return the FAQs attached to it that the caller sees, in the order they were attached
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code faq.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the case
     */
    List<RecordRow> attached(long caseId);

    /**
     * Attaches a published FAQ to a case: the FAQ's times used goes up by one the first time only.
     *
     * @param caseId a case the caller sees and may edit
     * @param faqId a published FAQ the caller sees
     * @return true if it was attached now, false if it already was
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code faq.view} or the case's edit
     *     permission
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the case or the FAQ
     * @throws org.tesseracrm.kernel.api.ConflictException for a draft FAQ
     */
    boolean attach(long caseId, long faqId);

    /**
     * Takes a FAQ off a case: its times used goes down by one.
     *
     * @param caseId a case the caller sees and may edit
     * @param faqId a FAQ
     * @return true if it was attached, false if not
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code faq.view} or the case's edit
     *     permission
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the case
     */
    boolean detach(long caseId, long faqId);
}
