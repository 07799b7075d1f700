package org.tesseracrm.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.benchmarks.ListBenchmark.Timing;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.leads.api.ConversionRequest;
import org.tesseracrm.leads.api.ConversionResult;

/**
 * Lead conversion (issue 19 item 6, "conversion ≤ 100 ms") through the leads module's {@code LeadConversion}, on the
 * loaded database: the proposal the convert dialog opens with (duplicate candidates among the million contacts and
 * 50,000 companies), and the conversion of a new lead into a new company, a new contact and an opportunity in one
 * transaction (records created through the platform with the opportunities' lifecycle, the lead's related items
 * moved, the lead marked converted by the leads' lifecycle).
 */
final class Conversions {
    private Conversions() {
    }

    /** @return the Markdown table of the timings, also printed as they come */
    static String times(String db, Pipeline admin, int runs) {
        StringBuilder table = new StringBuilder("| Lead conversion | median ms | min ms | max ms | records |\n"
                + "|---|---:|---:|---:|---:|\n");
        long stamp = System.currentTimeMillis(); // new names and e-mails on every run of the benchmark
        List<RecordRow> leads = new ArrayList<>();
        for (int i = 0; i < 3 + runs; i++) {
            leads.add(admin.records().create("lead", RecordValues.builder().set("firstName", "Ada" + i)
                    .set("lastName", "Bench" + stamp).set("companyName", "Bench Lead Company " + stamp + "-" + i)
                    .set("title", "Buyer").set("email", "ada" + i + "." + stamp + "@lead.example.org")
                    .set("phone", "+1 555 0100").set("city", "Springfield").build()));
        }
        int[] next = {0};
        Boards.row(table, db, "`LeadConversion.propose`: duplicate candidates among 1 M contacts and 50,000 companies",
                ListBenchmark.time(runs, () -> {
                    var proposal = admin.leads().propose(leads.get(next[0]++ % leads.size()).id());
                    return proposal.companyMatches().size() + proposal.contactMatches().size();
                }));
        next[0] = 0;
        List<ConversionResult> results = new ArrayList<>();
        Timing convert = ListBenchmark.time(runs, () -> {
            RecordRow lead = leads.get(next[0]++);
            ConversionResult result = admin.leads().convert(new ConversionRequest(lead.id(), lead.version(),
                    ConversionRequest.Target.CREATE, ConversionRequest.Target.CREATE, Optional.of(RecordValues.builder()
                            .set("amount", new BigDecimal("25000")).set("closeDate", LocalDate.of(2027, 3, 31))
                            .build())));
            results.add(result);
            return 3;
        });
        for (ConversionResult result : results) {
            RecordRow opportunity = admin.records().get("opportunity", result.opportunity().orElseThrow().id())
                    .orElseThrow();
            if (result.company().isEmpty() || result.contact().isEmpty()
                    || !result.lead().text("status").equals("Converted")
                    || opportunity.decimal("expectedAmount").orElseThrow().compareTo(new BigDecimal("2500")) != 0) {
                throw new IllegalStateException("A conversion did not give a company, a contact, an opportunity at "
                        + "10 % of 25,000 and a converted lead: " + result);
            }
        }
        Boards.row(table, db, String.format("`LeadConversion.convert`: new company, new contact and an opportunity "
                + "(%d conversions checked)", results.size()), convert);
        return table.append('\n').toString();
    }
}
