package org.tesseracrm.email.api;

import java.util.List;

/**
 * A template merged with a record, ready to send or to show as a preview.
 *
 * @param subject the merged subject (plain text)
 * @param html the merged HTML body, every merged value HTML-escaped
 * @param text the merged plain-text body
 * @param unknownFields merge fields the template names that the record type has not (shown in the preview)
 */
public record RenderedMail(String subject, String html, String text, List<String> unknownFields) {
}
