package org.tesseracrm.reports.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.reports.api.ReportResult;

/**
 * Writes a report's result as the kernel's list export writes a list (its writer is internal to the record platform,
 * so this uses the same libraries the same way): a header row (groupings, then measures), then one row per result row
 * (the groups' labels, then the figures). CSV is RFC 4180 in UTF-8 with a byte order mark, every text cell passed
 * through {@link ExportFormat#csvCell} so a spreadsheet never runs it as a formula; xlsx cells are typed: figures are
 * numbers and text is an inline string, never a formula.
 */
public final class ResultWriter {
    /** The most characters of a sheet name (Excel's bound). */
    private static final int SHEET_NAME = 31;

    private ResultWriter() {
    }

    /**
     * @param result the result
     * @param format xlsx or csv
     * @param out where the file goes; not closed
     * @return the number of result rows written
     * @throws IOException if writing fails
     */
    public static int write(ReportResult result, ExportFormat format, OutputStream out) throws IOException {
        List<String> header = new ArrayList<>(result.groupHeaders());
        header.addAll(result.measureHeaders());
        if (format == ExportFormat.CSV) {
            csv(result, header, out);
        } else {
            xlsx(result, header, out);
        }
        return result.rows().size();
    }

    private static void csv(ReportResult result, List<String> header, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\ufeff');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(header.stream().map(ExportFormat::csvCell).toList());
        for (AggregateRow row : result.rows()) {
            List<String> cells = new ArrayList<>();
            row.labels().forEach(label -> cells.add(ExportFormat.csvCell(label)));
            row.values().forEach(value -> cells.add(value == null ? "" : value.toPlainString()));
            printer.printRecord(cells);
        }
        printer.flush();
        writer.flush();
    }

    private static void xlsx(ReportResult result, List<String> header, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Tessera CRM", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName(result.title()));
        for (int column = 0; column < header.size(); column++) {
            sheet.value(0, column, header.get(column));
        }
        if (!header.isEmpty()) {
            sheet.range(0, 0, 0, header.size() - 1).style().bold().set();
        }
        int r = 1;
        for (AggregateRow row : result.rows()) {
            int column = 0;
            for (String label : row.labels()) {
                sheet.value(r, column++, label);
            }
            for (BigDecimal value : row.values()) {
                if (value != null) {
                    sheet.value(r, column, value);
                }
                column++;
            }
            r++;
        }
        sheet.finish();
        workbook.finish();
    }

    /**
     * @param title a report's title
     * @return a sheet name Excel accepts: without {@code : \ / ? * [ ]}, at most 31 characters, never blank
     */
    static String sheetName(String title) {
        String name = title == null ? "" : title.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        if (name.isEmpty()) {
            return "Report";
        }
        return name.length() > SHEET_NAME ? name.substring(0, SHEET_NAME) : name;
    }
}
