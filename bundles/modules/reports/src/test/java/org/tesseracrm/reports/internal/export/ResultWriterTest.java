package org.tesseracrm.reports.internal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.reports.api.ReportResult;

/** Exports read back with the libraries: typed xlsx cells, and csv text cells that never start a formula. */
class ResultWriterTest {
    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\")", "+1+2", "-SUM(A1)", "@cmd",
            "\tTab", "\rCR", "-5");
    private static final ReportResult RESULT = new ReportResult("Pipeline: by owner/phase", List.of("Owner"),
            List.of("Count", "Sum of Amount"), rows(), Optional.empty(), Optional.of("opportunity"));

    private static List<AggregateRow> rows() {
        List<AggregateRow> rows = new java.util.ArrayList<>();
        for (String label : HOSTILE) {
            rows.add(new AggregateRow(List.of(Optional.of(label)), List.of(label),
                    List.of(BigDecimal.valueOf(2), new BigDecimal("-1250.50"))));
        }
        rows.add(new AggregateRow(List.of(Optional.empty()), List.of(AggregateRow.NONE),
                Arrays.asList(BigDecimal.ONE, null)));
        return rows;
    }

    @Test
    void csvNeutralisesFormulaTextAndKeepsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(8, ResultWriter.write(RESULT, ExportFormat.CSV, out));
        byte[] bytes = out.toByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "BOM");
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3),
                StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.RFC4180.parse(reader).getRecords();
            assertEquals(List.of("Owner", "Count", "Sum of Amount"), records.get(0).toList());
            assertEquals(List.of("'=HYPERLINK(\"http://x\")", "2", "-1250.50"), records.get(1).toList());
            assertEquals("'+1+2", records.get(2).get(0));
            assertEquals("'-SUM(A1)", records.get(3).get(0));
            assertEquals("'@cmd", records.get(4).get(0));
            assertEquals("'\tTab", records.get(5).get(0));
            assertEquals("'\rCR", records.get(6).get(0));
            assertEquals("-5", records.get(7).get(0), "a plain negative number cannot be a formula");
            assertEquals(List.of("(none)", "1", ""), records.get(8).toList());
        }
    }

    @Test
    void xlsxCellsAreTypedAndTextIsNeverAFormula() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultWriter.write(RESULT, ExportFormat.XLSX, out);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals("Pipeline  by owner phase", workbook.getFirstSheet().getName());
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals(9, rows.size());
            assertEquals("Sum of Amount", rows.get(0).getCell(2).getText());
            for (int i = 0; i < HOSTILE.size(); i++) {
                Row row = rows.get(i + 1);
                assertEquals(CellType.STRING, row.getCell(0).getType(), HOSTILE.get(i));
                assertEquals(HOSTILE.get(i), row.getCell(0).getText());
                assertEquals(CellType.NUMBER, row.getCell(1).getType());
                assertEquals(0, new BigDecimal("-1250.50").compareTo(row.getCell(2).asNumber()));
            }
        }
    }

    @Test
    void sheetNamesExcelAccepts() {
        assertEquals("Report", ResultWriter.sheetName(" / "));
        assertEquals(31, ResultWriter.sheetName("x".repeat(40)).length());
    }
}
