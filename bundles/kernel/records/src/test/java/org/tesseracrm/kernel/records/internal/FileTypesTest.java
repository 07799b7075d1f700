package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FileTypesTest {
    private static boolean passes(String extension, byte[] content) {
        return FileTypes.of(extension).orElseThrow().content().test(content);
    }

    @Test
    void recognisesFilesByTheirContentNotTheirName() {
        assertTrue(passes("pdf", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(passes("pdf", "MZ\u0090\u0000 an executable".getBytes(StandardCharsets.ISO_8859_1)), "renamed .exe");
        assertTrue(passes("png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}));
        assertFalse(passes("png", "<html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII)), "renamed page");
        assertTrue(passes("docx", new byte[] {'P', 'K', 3, 4, 20, 0}));
        assertTrue(passes("txt", "plain words".getBytes(StandardCharsets.UTF_8)));
        assertFalse(passes("csv", new byte[] {'a', ',', 0, 'b'}), "binary posing as text");
        assertFalse(passes("jpg", new byte[] {(byte) 0xFF}), "shorter than the signature");
        assertTrue(FileTypes.of("exe").isEmpty());
    }

    @Test
    void cleansUploadedNamesOfFoldersAndControlCharacters() {
        assertEquals("report.pdf", FileTypes.cleanName("C:\\Users\\ada\\report.pdf"));
        assertEquals("passwd", FileTypes.cleanName("../../etc/passwd"));
        assertEquals("ab.txt", FileTypes.cleanName("a\"b\u0007.txt"));
        assertEquals("file", FileTypes.cleanName(".."));
        String longName = FileTypes.cleanName("x".repeat(300) + ".xlsx");
        assertEquals(200, longName.length());
        assertTrue(longName.endsWith(".xlsx"));
        assertEquals("pdf", FileTypes.extension("Report.PDF"));
        assertEquals("", FileTypes.extension("README"));
    }
}
