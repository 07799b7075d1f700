package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.ImportFile;

/** Reading uploads: what the export writes comes back as the same text; bad files get a message. */
class ImportFilesTest {

    @Test
    void excelStyleCsvWithSemicolonsByteOrderMarkAndQuotesIsRead() {
        String csv = "\uFEFFName;Notes;Score\r\n\"Lovelace; Ada\";\"said \"\"hi\"\"\nthen left\";990\r\n;;\r\nTuring\r\n";

        ImportFile file = read("people.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("Name", "Notes", "Score"), file.headers());
        assertEquals(List.of(List.of("Lovelace; Ada", "said \"hi\"\nthen left", "990"), List.of("", "", ""),
                List.of("Turing", "", "")), file.rows(), "blank rows kept so lines stay right, short rows padded");
    }

    @Test
    void aWindowsCodePageCsvIsDecoded() {
        byte[] bytes = "Name\nRenée Müller\n".getBytes(Charset.forName("windows-1252"));

        assertEquals(List.of(List.of("Renée Müller")), read("people.csv", bytes).rows());
    }

    @Test
    void anExportedWorkbookReadsBackAsTheTextUsersTypeWithTimesInTheirZone() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportWriter writer = ExportWriter.open(ExportFormat.XLSX, out, "People",
                List.of("Name", "Score", "Renewal", "Seen", "VIP", "Tags"), ZoneId.of("Europe/Berlin"))) {
            writer.row(List.of("Ada", new BigDecimal("12.5"), LocalDate.of(2027, 1, 15),
                    LocalDateTime.of(2026, 11, 23, 9, 30), true, List.of("VIP", "Partner")));
            writer.row(java.util.Arrays.asList("Alan", new BigDecimal("1200"), null, null, false, null));
        }

        ImportFile file = read("people.xlsx", out.toByteArray());

        assertEquals(List.of("Name", "Score", "Renewal", "Seen", "VIP", "Tags"), file.headers());
        // stored 09:30 UTC is 10:30 in Berlin; the date stays the date
        assertEquals(List.of(List.of("Ada", "12.5", "2027-01-15", "2026-11-23 10:30", "Yes", "VIP; Partner"),
                List.of("Alan", "1200", "", "", "No", "")), file.rows());
    }

    @Test
    void anExportedCsvWritesDateTimesInTheReadersZone() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportWriter writer = ExportWriter.open(ExportFormat.CSV, out, "People", List.of("Name", "Seen"),
                ZoneId.of("America/New_York"))) {
            writer.row(List.of("Ada", LocalDateTime.of(2026, 7, 1, 3, 15)));
        }

        assertEquals(List.of(List.of("Ada", "2026-06-30 23:15")), read("people.csv", out.toByteArray()).rows());
    }

    @Test
    void otherFilesGetAMessageNotAStackTrace() {
        assertMessage("Choose a .csv or .xlsx file", refused("photo.png", new byte[] {1, 2, 3}));
        assertMessage("is not an Excel workbook", refused("fake.xlsx", "Name\nAda".getBytes(StandardCharsets.UTF_8)));
        assertMessage("The file is empty", refused("empty.csv", new byte[0]));
        assertMessage("not valid CSV near line 2",
                refused("broken.csv", "Name\n\"Ada\n".getBytes(StandardCharsets.UTF_8)));
    }

    private static ImportFile read(String name, byte[] bytes) {
        return ImportFiles.read(name, new ByteArrayInputStream(bytes));
    }

    private static ValidationException refused(String name, byte[] bytes) {
        return assertThrows(ValidationException.class, () -> read(name, bytes));
    }

    private static void assertMessage(String expected, ValidationException e) {
        assertEquals("file", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains(expected), e.errors().get(0).message());
    }
}
