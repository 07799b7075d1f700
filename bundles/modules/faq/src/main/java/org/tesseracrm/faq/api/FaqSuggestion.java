package org.tesseracrm.faq.api;

/**
 * A published FAQ suggested for a case.
 *
 * @param id the FAQ's id
 * @param question its question
 * @param category its category; empty for none
 * @param timesUsed how many cases it was attached to
 * @param score how well it matches the case's text: higher is better, above 0
 */
public record FaqSuggestion(long id, String question, String category, long timesUsed, int score) {
}
