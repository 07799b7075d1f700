package org.tesseracrm.faq.internal.ui;

import java.util.Optional;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;

import org.tesseracrm.faq.api.FaqFields;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;

/**
 * The FAQ's answer as readers see it ({@code faq-answer}), on the FAQ form: the stored answer is HTML the lifecycle
 * cleaned on save (jsoup's safelist), so it is shown as HTML.
 */
class AnswerPanel extends Details {
    private static final long serialVersionUID = 1L;

    private AnswerPanel(String html) {
        setId("faq-answer");
        setSummaryText("Answer as readers see it");
        setOpened(true);
        setWidthFull();
        add(new Html("<div class=\"faq-answer\">" + html + "</div>"));
    }

    /**
     * @param records reads the FAQ as the signed-in user
     * @param faqId the FAQ
     * @return the panel; empty for a FAQ without an answer or that the user does not see
     */
    static Optional<AnswerPanel> of(Records records, long faqId) {
        Optional<RecordRow> faq = records.get(FaqFields.RECORD_TYPE, faqId);
        return faq.map(f -> f.text(FaqFields.ANSWER)).filter(a -> !a.isBlank()).map(AnswerPanel::new);
    }
}
