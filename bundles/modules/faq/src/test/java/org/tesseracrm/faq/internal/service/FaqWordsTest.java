package org.tesseracrm.faq.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FaqWordsTest {
    @Test
    void wordsAreLowerCaseWithoutAccentsShortOrCommonWordsLeftOut() {
        assertEquals(List.of("facturacion", "duplicada", "invoice", "pdf"),
                List.copyOf(FaqWords.of("¿Por qué la Facturación está duplicada? The invoice (PDF) is", 10)));
    }

    @Test
    void eachWordOnceInTheOrderItFirstAppearsUpToTheMost() {
        assertEquals(List.of("password", "reset", "login"),
                List.copyOf(FaqWords.of("Password reset; password RESET, login, account", 3)));
    }

    @Test
    void digitsCountAsWordsAndVeryLongWordsAreCut() {
        Set<String> words = FaqWords.of("Error 404 " + "x".repeat(60), 10);
        assertEquals(List.of("error", "404", "x".repeat(FaqWords.MAX_LENGTH)), List.copyOf(words));
    }

    @Test
    void noTextNoWords() {
        assertEquals(Set.of(), FaqWords.of(null, 10));
        assertEquals(Set.of(), FaqWords.of(" -- ?? ", 10));
        assertEquals(Set.of(), FaqWords.of("the and of a to", 10));
    }
}
