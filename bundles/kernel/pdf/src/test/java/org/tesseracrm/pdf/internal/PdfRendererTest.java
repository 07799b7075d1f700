package org.tesseracrm.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.pdf.api.PdfRequest;

class PdfRendererTest {
    private static final Path FONT_CACHE = Path.of("target", "pdfbox-fontcache").toAbsolutePath();
    private static PdfRendererImpl renderer;

    @BeforeAll
    static void setUp() {
        System.setProperty("pdfbox.fontcache", FONT_CACHE.toString());
        renderer = new PdfRendererImpl();
    }

    private static String page(String body) {
        return """
                <html xmlns="http://www.w3.org/1999/xhtml"><head><style>
                body { font-family: 'DejaVu Sans'; font-size: 10pt; }
                @page { size: A4; margin: 20mm 15mm 20mm 15mm;
                  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: 'DejaVu Sans'; } }
                table { -fs-table-paginate: paginate; width: 100%; border-collapse: collapse; }
                thead { display: table-header-group; }
                </style></head><body>
                """ + body + "</body></html>";
    }

    private static PdfRequest request(String template, Map<String, Object> model) {
        return new PdfRequest("test", template, model, Locale.ENGLISH, "Test document");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void accentsAndNonLatinNamesPrintWithTheEmbeddedFont() throws IOException {
        List<String> names = List.of("Zoë Łukasiewicz", "Ñandú", "Δήμητρα", "Иван", "François Ørsted");
        byte[] pdf = renderer.render(request(page("<h1>Customers</h1><#list names as n><p>${n}</p></#list>"
                + "<p><b>${names[0]}</b> <i>${names[2]}</i></p>"), Map.of("names", names)));
        assertEquals("%PDF-", new String(pdf, 0, 5));
        String text = text(pdf);
        for (String name : names) {
            assertTrue(text.contains(name), name + " in " + text);
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals("Test document", document.getDocumentInformation().getTitle());
            Set<String> fonts = new HashSet<>();
            for (PDPage p : document.getPages()) {
                for (var name : p.getResources().getFontNames()) {
                    PDFont font = p.getResources().getFont(name);
                    fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
            assertTrue(fonts.contains("DejaVuSans"), fonts.toString());
            assertTrue(fonts.contains("DejaVuSans-Bold"), fonts.toString());
            assertTrue(fonts.contains("DejaVuSans-Oblique"), fonts.toString());
        }
    }

    @Test
    void dataIsEscapedNotInterpreted() throws IOException {
        String hostile = "<script>alert('x')</script> & </p><p>\"quoted\"";
        byte[] pdf = renderer.render(request(page("<p>Name: ${name}</p><p title=\"${name}\">attr</p>"),
                Map.of("name", hostile)));
        String text = text(pdf);
        assertTrue(text.contains("Name: <script>alert('x')</script> & </p><p>\"quoted\""), text);
    }

    @Test
    void aLongTableSpansPagesWithItsHeaderOnEveryPage() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            rows.add(Map.of("n", i, "product", "Product " + i, "price", new BigDecimal("12.50")));
        }
        String template = page("""
                <table><thead><tr><th>No.</th><th>Product name</th><th>Unit price</th></tr></thead>
                <tbody><#list rows as r><tr><td>${r.n}</td><td>${r.product}</td><td>${r.price?string["0.00"]}</td></tr></#list></tbody>
                </table>""");
        byte[] pdf = renderer.render(request(template, Map.of("rows", rows)));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 4, "300 rows on " + pages + " pages");
            Set<Integer> seen = new HashSet<>();
            Pattern row = Pattern.compile("(?m)^(\\d+) Product (\\d+) 12\\.50$");
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(document);
                assertTrue(text.contains("No. Product name Unit price"), "header on page " + p + ":\n" + text);
                assertTrue(text.contains("Page " + p + " of " + pages), "page number on page " + p);
                Matcher m = row.matcher(text);
                while (m.find()) {
                    assertEquals(m.group(1), m.group(2));
                    assertTrue(seen.add(Integer.parseInt(m.group(1))), "row " + m.group(1) + " printed once");
                }
            }
            assertEquals(300, seen.size(), "every row printed");
        }
    }

    @Test
    void aTemplateThatDoesNotParseNamesItsLine() {
        String template = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n<p>fine</p>\n<#if x>no end\n</body></html>";
        ValidationException e = assertThrows(ValidationException.class,
                () -> renderer.render(request(template, Map.of("x", true))));
        assertEquals("template", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().startsWith("Line "), e.getMessage());
        assertFalse(e.getMessage().contains("\tat "), "no stack trace: " + e.getMessage());
    }

    @Test
    void aMissingValueNamesItsLineAndExpression() {
        String template = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n<p>ok</p>\n<p>${quote.nmber}</p>\n</body></html>";
        ValidationException e = assertThrows(ValidationException.class,
                () -> renderer.render(request(template, Map.of("quote", Map.of("number", "Q-1")))));
        String message = e.errors().get(0).message();
        assertTrue(message.startsWith("Line 3, column "), message);
        assertTrue(message.contains("quote.nmber"), message);
        assertFalse(message.contains("Tip"), message);
    }

    @Test
    void templatesCannotCreateObjectsOrReachTheApi() {
        String newBuiltin = page("<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
        ValidationException e = assertThrows(ValidationException.class,
                () -> renderer.render(request(newBuiltin, Map.of())));
        assertTrue(e.errors().get(0).message().startsWith("Line "), e.getMessage());
        String api = page("${names?api.size()}");
        assertThrows(ValidationException.class, () -> renderer.render(request(api, Map.of("names", List.of("a")))));
        String include = page("<#include \"/etc/passwd\">");
        assertThrows(ValidationException.class, () -> renderer.render(request(include, Map.of())));
    }

    @Test
    void outputThatIsNotXhtmlIsRefusedWithItsLine() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> renderer.render(request(page("<p>one<br>two</p>"), Map.of())));
        assertTrue(e.errors().get(0).message().contains("not well-formed XHTML at line"), e.getMessage());
        assertThrows(ValidationException.class, () -> renderer.render(request(page("<p>a&nbsp;b</p>"), Map.of())));
    }

    @Test
    void externalEntitiesAreNotRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&x;</p></body></html>";
        assertThrows(RuntimeException.class, () -> {
            String text = text(renderer.render(request(xxe, Map.of())));
            if (!text.isBlank()) {
                throw new IllegalStateException("entity read: " + text);
            }
            throw new IllegalStateException("nothing printed");
        });
    }

    @Test
    void aModelWithOtherObjectsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> request("x", Map.of("t", new Thread())));
        assertThrows(NullPointerException.class, () -> new PdfRequest("x", "x", null, Locale.ROOT, "t"));
    }

    @Test
    void renderingStartsNoThread() {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        for (int i = 0; i < 3; i++) {
            renderer.render(request(page("<p>${i}</p><img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==\"/>"), Map.of("i", i)));
        }
        Set<Thread> after = new HashSet<>(Thread.getAllStackTraces().keySet());
        after.removeAll(before);
        after.removeIf(t -> !t.isAlive());
        // The JDK's own "Java2D Disposer" (started once per JVM when an image is decoded) is allowed: a daemon of
        // the system thread group without a context class loader, so it pins no bundle's class loader.
        after.removeIf(t -> t.isDaemon() && t.getContextClassLoader() == null
                && t.getThreadGroup() != null && "system".equals(t.getThreadGroup().getName()));
        assertTrue(after.isEmpty(), "new threads: " + after);
    }

    @Test
    void pdfBoxKeepsItsFontCacheInTheFolderItIsGiven() {
        renderer.render(request(page("<p style=\"font-family: monospace\">x</p>"), Map.of()));
        assertTrue(Files.isDirectory(FONT_CACHE), "the activation made " + FONT_CACHE);
        assertTrue(Files.exists(FONT_CACHE.resolve(".pdfbox.cache")), "PDFBox wrote its cache into " + FONT_CACHE);
    }
}
