package org.tesseracrm.kernel.api.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExportFormatTest {

    @Test
    void formulaStartsAreShownAsText() {
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", ExportFormat.csvCell("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("'=1+1", ExportFormat.csvCell("=1+1"));
        assertEquals("'+1+cmd|' /C calc'!A0", ExportFormat.csvCell("+1+cmd|' /C calc'!A0"));
        assertEquals("'-2+3+cmd|' /C calc'!A0", ExportFormat.csvCell("-2+3+cmd|' /C calc'!A0"));
        assertEquals("'@SUM(1+1)", ExportFormat.csvCell("@SUM(1+1)"));
        assertEquals("'\t=1+1", ExportFormat.csvCell("\t=1+1"));
        assertEquals("'\r=1+1", ExportFormat.csvCell("\r=1+1"));
        assertEquals("'-", ExportFormat.csvCell("-"));
    }

    @Test
    void ordinaryTextAndPlainNumbersStayAsTheyAre() {
        assertEquals("Ada Lovelace", ExportFormat.csvCell("Ada Lovelace"));
        assertEquals("a=b", ExportFormat.csvCell("a=b"));
        assertEquals(" =1+1", ExportFormat.csvCell(" =1+1"));
        assertEquals("-5", ExportFormat.csvCell("-5"));
        assertEquals("-12.50", ExportFormat.csvCell("-12.50"));
        assertEquals("+4930123456", ExportFormat.csvCell("+4930123456"));
        assertEquals("", ExportFormat.csvCell(""));
        assertEquals("", ExportFormat.csvCell(null));
    }

    @Test
    void aPhoneNumberWithSpacesIsText() {
        assertEquals("'+49 30 123456", ExportFormat.csvCell("+49 30 123456"));
    }
}
