package org.tesseracrm.kernel.records.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.RecordRow;

/** Writes an exported list row by row, without holding it in memory. */
interface ExportWriter extends AutoCloseable {
    /** Writes one row of typed values (as {@link FieldValues#parse} returns them, null for empty). */
    void row(List<Object> values) throws IOException;

    /** Finishes the file; the stream stays open. */
    @Override
    void close() throws IOException;

    /**
     * @param format the file format
     * @param out where the file goes
     * @param sheet the sheet name for workbooks
     * @param header the column titles
     * @param zone the reader's time zone: date-times are written as its local times (stored ones are UTC)
     * @return a writer that has written the header
     */
    static ExportWriter open(ExportFormat format, OutputStream out, String sheet, List<String> header, ZoneId zone)
            throws IOException {
        ExportWriter plain = format == ExportFormat.CSV ? new Csv(out) : new Xlsx(out, sheet);
        plain.row(List.copyOf(header));
        return new ExportWriter() {
            @Override
            public void row(List<Object> values) throws IOException {
                plain.row(values.stream().map(value -> CallerZone.local(value, zone)).toList());
            }

            @Override
            public void close() throws IOException {
                plain.close();
            }
        };
    }

    /**
     * RFC 4180 CSV in UTF-8 with a byte order mark, which spreadsheet programs need to read accents. Text
     * cells that a spreadsheet program would take for a formula are neutralised ({@link ExportFormat#csvCell}).
     */
    final class Csv implements ExportWriter {
        private final Writer writer;
        private final CSVPrinter printer;

        Csv(OutputStream out) throws IOException {
            writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\ufeff');
            printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        }

        @Override
        public void row(List<Object> values) throws IOException {
            printer.printRecord(values.stream().map(Csv::cell).toList());
        }

        /** Numbers as they are; any text neutralised, so a spreadsheet program never runs it as a formula. */
        static String cell(Object value) {
            return value instanceof Number ? RecordRow.format(value) : ExportFormat.csvCell(RecordRow.format(value));
        }

        @Override
        public void close() throws IOException {
            printer.flush();
            writer.flush();
        }
    }

    /** An xlsx workbook whose cells keep their types: numbers, dates and booleans stay what they are. */
    final class Xlsx implements ExportWriter {
        private static final int FLUSH_EVERY = 1000;
        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        Xlsx(OutputStream out, String name) {
            workbook = new Workbook(out, "Tessera CRM", "1.0");
            sheet = workbook.newWorksheet(name);
        }

        @Override
        public void row(List<Object> values) throws IOException {
            for (int column = 0; column < values.size(); column++) {
                cell(column, values.get(column));
            }
            if (row == 0) {
                sheet.range(0, 0, 0, Math.max(values.size() - 1, 0)).style().bold().set();
            }
            if (++row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        private void cell(int column, Object value) {
            if (value == null) {
                return;
            }
            if (value instanceof BigDecimal number) {
                sheet.value(row, column, number);
            } else if (value instanceof LocalDate date) {
                sheet.value(row, column, date);
                sheet.style(row, column).format("yyyy-mm-dd").set();
            } else if (value instanceof LocalDateTime time) {
                sheet.value(row, column, time);
                sheet.style(row, column).format("yyyy-mm-dd hh:mm").set();
            } else if (value instanceof Boolean bool) {
                sheet.value(row, column, bool);
            } else {
                sheet.value(row, column, RecordRow.format(value));
            }
        }

        @Override
        public void close() throws IOException {
            sheet.finish();
            workbook.finish();
        }
    }
}
