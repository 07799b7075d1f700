package org.tesseracrm.faq.internal.service;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words FAQs are matched by: lower case, without accents ("facturación" and "Facturacion" are one word), 3 to
 * {@value #MAX_LENGTH} letters or digits, without the commonest English and Spanish words (which would match
 * nearly every FAQ). A question and its answer are indexed by these words ({@code FAQ_WORD}); a case's subject and
 * description are looked up by them.
 */
final class FaqWords {
    /** The longest word kept (the index column's length); longer ones are cut. */
    static final int MAX_LENGTH = 40;
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> STOP = Set.of(
            // English
            "the", "and", "for", "are", "but", "not", "you", "your", "all", "any", "can", "had", "has", "have", "her",
            "was", "one", "our", "out", "his", "how", "its", "who", "why", "what", "when", "where", "which", "with",
            "this", "that", "these", "those", "from", "they", "them", "then", "than", "there", "their", "will",
            "would", "could", "should", "been", "being", "into", "about", "does", "did", "doing", "get", "got", "may",
            "also", "more", "some", "such", "only", "just", "very", "too", "yes", "off", "over", "under", "again",
            // Spanish
            "los", "las", "del", "que", "por", "para", "con", "una", "uno", "unos", "unas", "como", "mas", "pero",
            "sus", "este", "esta", "estos", "estas", "ese", "esa", "eso", "ser", "son", "fue", "han", "hay", "muy",
            "sin", "sobre", "entre", "cuando", "donde", "cual", "quien", "porque", "tiene", "tengo", "mis", "nos",
            "les", "todo", "toda", "todos", "todas", "tambien", "desde", "hasta", "ya", "aun", "otro", "otra");

    private FaqWords() {
    }

    /**
     * @param text any text, e.g. a case's subject and description; null for none
     * @param most the most words wanted
     * @return its distinct words as they are indexed, in the order they first appear, at most {@code most}
     */
    static Set<String> of(String text, int most) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        for (String word : SEPARATORS.split(plain)) {
            if (words.size() >= most) {
                break;
            }
            if (word.length() >= 3 && !STOP.contains(word)) {
                words.add(word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word);
            }
        }
        return words;
    }
}
