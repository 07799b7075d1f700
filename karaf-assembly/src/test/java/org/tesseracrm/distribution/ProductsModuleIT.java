package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineGuard;
import org.tesseracrm.products.api.LineInput;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.products.api.LineProposal;
import org.tesseracrm.products.api.PriceCondition;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.PriceListInput;
import org.tesseracrm.products.api.PriceLists;
import org.tesseracrm.products.api.PriceQuote;
import org.tesseracrm.products.api.ProductPrice;
import org.tesseracrm.products.api.QuantityRange;

/**
 * Boots the real distribution with the Products module and proves its rules hold in the service whoever writes:
 * products are records whose code is unique (whatever its case) through {@code Records.create/update}, a price list
 * with quantity ranges resolves a price with the amounts worked out by hand (also over the REST API), overlapping
 * ranges and a day outside the validity are refused, a user without {@code products.configure} cannot change price
 * lists, an opportunity's product lines (proposed from a price list, totals per cost type, the opportunity's view and
 * edit permissions, a record type's guard, copy, REST, deleted with the opportunity), and the module goes and comes
 * back at runtime with its data. Names carry the run's id: the PostgreSQL ITs of
 * one run share one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ProductsModuleIT {
    private static final String FEATURE = "crm-products";
    private static final String BUNDLE = "org.tesseracrm.products";
    private static final String TYPE = "product";
    private static final String OPPORTUNITY = "opportunity";
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    private static final LocalDate DAY = LocalDate.of(2026, 12, 5);
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private CallerContext callers;

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT);
    }

    /** @return the HTTP port the container is told to use */
    static int httpPort() {
        return HTTP_PORT;
    }

    @Before
    public void theModuleIsInstalled() throws Exception {
        assertTrue("Karaf finished installing its boot features",
                eventually(60, () -> context.getServiceReference(BootFinished.class) != null));
        if (!features.isInstalled(features.getFeature(FEATURE))) {
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        }
    }

    @Test
    public void t1_productsAreRecordsWithACodeNoOtherProductHas() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        CustomFields fields = PaxExamSupport.waitFor(context, CustomFields.class);
        assertTrue("the products view", eventually(() -> PaxExamSupport.viewReference(context, "products") != null));
        assertTrue("the price lists page", eventually(() -> PaxExamSupport.viewReference(context, "admin/price-lists") != null));
        assertTrue("the record type", eventually(() -> PaxExamSupport.typeReady(callers, records, TYPE)));
        assertEquals(List.of("Monthly", "On demand", "One time"), admin(() -> fields.pickList(TYPE, "costType")).stream()
                .map(PickListValue::value).toList());
        RecordRow widget = admin(() -> records.create(TYPE, RecordValues.builder().set("name", "Widget " + RUN)
                .set("code", "W-" + RUN).set("costType", "One time").set("unitPrice", new BigDecimal("12.50"))
                .set("taxRate", new BigDecimal("21")).build()));
        assertEquals("a new product is active", Boolean.TRUE, widget.values().get("active"));
        assertEquals("the currency pick-list's default", "EUR", widget.text("currency"));
        // The same code in another case: refused on the code, naming the holder, nothing written
        ValidationException taken = assertThrows(ValidationException.class, () -> admin(() -> records.create(TYPE,
                RecordValues.builder().set("name", "Copy " + RUN).set("code", "w-" + RUN).build())));
        assertEquals(List.of("code"), taken.errors().stream().map(FieldError::field).toList());
        assertTrue(taken.getMessage(), taken.getMessage().contains("Widget " + RUN));
        assertTrue("nothing written", admin(() -> records.page(TYPE, RecordQuery.page(0, 10).withText("Copy " + RUN)))
                .isEmpty());
        // ... also when another product takes it by an update
        RecordRow gadget = admin(() -> records.create(TYPE, RecordValues.builder().set("name", "Gadget " + RUN)
                .set("code", "G-" + RUN).set("active", false).build()));
        assertEquals(Boolean.FALSE, gadget.values().get("active"));
        assertThrows(ValidationException.class, () -> admin(() -> records.update(TYPE, gadget.id(), gadget.version(),
                RecordValues.builder().set("code", "W-" + RUN).build())));
        assertEquals("G-" + RUN, admin(() -> records.get(TYPE, gadget.id())).orElseThrow().text("code"));
        // Percentages stay within 0-100
        assertThrows(ValidationException.class, () -> admin(() -> records.update(TYPE, gadget.id(), gadget.version(),
                RecordValues.builder().set("taxRate", new BigDecimal("101")).build())));
        // A product's own code, saved again in another case, is its own
        RecordRow recased = admin(() -> records.update(TYPE, widget.id(), widget.version(), RecordValues.builder()
                .set("code", "w-" + RUN).build()));
        assertEquals("w-" + RUN, recased.text("code"));
    }

    @Test
    public void t2_aPriceListWithQuantityRangesResolvesAPrice() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        PriceLists lists = PaxExamSupport.waitFor(context, PriceLists.class);
        assertTrue("the record type", eventually(() -> PaxExamSupport.typeReady(callers, records, TYPE)));
        RecordRow product = admin(() -> records.create(TYPE, RecordValues.builder().set("name", "Cable " + RUN)
                .set("code", "C-" + RUN).set("taxRate", new BigDecimal("21")).build()));
        PriceList list = admin(() -> lists.create(new PriceListInput("Retail " + RUN, "EUR",
                Optional.of(LocalDate.of(2026, 1, 1)), Optional.of(LocalDate.of(2026, 12, 31)),
                List.of(new PriceCondition("Place of sale", "Madrid")))));
        List<QuantityRange> ranges = List.of(range("50", null, "10"), range("1", "9", "0"), range("10", "49", "5"));
        ProductPrice set = admin(() -> lists.setPrice(list.id(), product.id(), new BigDecimal("19.99"), ranges));
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("10"), new BigDecimal("50")),
                set.ranges().stream().map(QuantityRange::from).toList());
        // 10 x 19.99 = 199.90; 5 % = 9.995 -> 10.00; net 189.90; tax 21 % = 39.879 -> 39.88; total 229.78
        PriceQuote ten = admin(() -> lists.price(product.id(), list.id(), BigDecimal.TEN, DAY));
        assertMoney("5", ten.discountPercent());
        assertMoney("199.90", ten.amounts().amount());
        assertMoney("10.00", ten.amounts().discount());
        assertMoney("39.88", ten.amounts().tax());
        assertMoney("229.78", ten.amounts().total());
        // the edges: 9 in the first range, 49 in the second, 50 in the open-ended one
        assertMoney("0", admin(() -> lists.price(product.id(), list.id(), new BigDecimal("9"), DAY)).discountPercent());
        assertMoney("5", admin(() -> lists.price(product.id(), list.id(), new BigDecimal("49"), DAY)).discountPercent());
        assertMoney("10", admin(() -> lists.price(product.id(), list.id(), new BigDecimal("50"), DAY)).discountPercent());
        assertEquals(List.of(list.id()), admin(() -> lists.applicable(Map.of("place of sale", "madrid"), "EUR", DAY))
                .stream().map(PriceList::id).filter(id -> id == list.id()).toList());
        // Overlapping ranges are refused on the range concerned, and the stored ones stay
        ValidationException overlap = assertThrows(ValidationException.class, () -> admin(() -> lists.setPrice(list.id(),
                product.id(), new BigDecimal("19.99"), List.of(range("1", "10", "0"), range("10", "49", "5")))));
        assertEquals(List.of("ranges[1].from"), overlap.errors().stream().map(FieldError::field).toList());
        assertEquals(3, admin(() -> lists.productPrice(list.id(), product.id())).orElseThrow().ranges().size());
        // Outside the validity, and a product without a price, are refused with a message
        assertThrows(ValidationException.class, () -> admin(() -> lists.price(product.id(), list.id(), BigDecimal.ONE,
                LocalDate.of(2027, 1, 1))));
        RecordRow unpriced = admin(() -> records.create(TYPE, RecordValues.builder().set("name", "Unpriced " + RUN)
                .set("code", "U-" + RUN).build()));
        assertThrows(ValidationException.class, () -> admin(() -> lists.price(unpriced.id(), list.id(), BigDecimal.ONE, DAY)));
        // A deleted product leaves the list
        admin(() -> lists.setPrice(list.id(), unpriced.id(), BigDecimal.ONE, List.of()));
        admin(() -> records.delete(TYPE, RecordSelection.of(List.of(unpriced.id()))));
        assertEquals(List.of(product.id()), admin(() -> lists.prices(list.id())).stream().map(ProductPrice::productId)
                .toList());
        // The REST API gives the same price
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        String secret = admin(() -> tokens.create("admin", new ApiTokenRequest("products " + RUN, ApiTokenScope.READ,
                Set.of(TYPE), Optional.empty()))).secret();
        HttpResponse<String> priced = get(secret, "/api/v1/price-lists/" + list.id() + "/price?product=" + product.id()
                + "&quantity=10&on=2026-12-05");
        assertEquals(priced.body(), 200, priced.statusCode());
        assertTrue(priced.body(), priced.body().contains("\"total\":229.78") && priced.body().contains("\"discount\":10.00"));
        HttpResponse<String> outside = get(secret, "/api/v1/price-lists/" + list.id() + "/price?product=" + product.id()
                + "&quantity=10&on=2027-01-01");
        assertEquals(outside.body(), 422, outside.statusCode());
        HttpResponse<String> listed = get(secret, "/api/v1/records/product?q=C-" + RUN + "&fields=name,code");
        assertEquals(listed.body(), 200, listed.statusCode());
        assertTrue(listed.body(), listed.body().contains("\"id\":" + product.id()));
    }

    @Test
    public void t3_withoutConfigureThePriceListsAreReadOnly() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        PriceLists lists = PaxExamSupport.waitFor(context, PriceLists.class);
        assertTrue("the record type", eventually(() -> PaxExamSupport.typeReady(callers, records, TYPE)));
        String seller = users();
        RecordRow product = admin(() -> records.create(TYPE, RecordValues.builder().set("name", "Seat " + RUN)
                .set("code", "S-" + RUN).build()));
        PriceList list = admin(() -> lists.create(new PriceListInput("Seller list " + RUN, "JPY", Optional.empty(),
                Optional.empty(), List.of())));
        admin(() -> lists.setPrice(list.id(), product.id(), new BigDecimal("980"), List.of(range("60", null, "10"))));
        Caller sellerCaller = new Caller(seller);
        // a seller (products.view) prices: 60 x 980 = 58,800; 10 % = 5,880; no tax; total 52,920 JPY
        PriceQuote yen = callers.callAs(sellerCaller, () -> lists.price(product.id(), list.id(), new BigDecimal("60"), DAY));
        assertEquals(new BigDecimal("52920"), yen.amounts().total());
        assertTrue(callers.callAs(sellerCaller, lists::lists).stream().anyMatch(l -> l.id() == list.id()));
        // ... and changes nothing
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(sellerCaller, () -> lists.create(
                new PriceListInput("Nope " + RUN, "EUR", Optional.empty(), Optional.empty(), List.of()))));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(sellerCaller, () -> lists.setPrice(list.id(),
                product.id(), BigDecimal.ONE, List.of())));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(sellerCaller, () -> {
            lists.delete(list.id());
            return null;
        }));
        assertMoney("980", admin(() -> lists.productPrice(list.id(), product.id())).orElseThrow().price());
        // a user without products.view sees no price list at all
        Caller outsider = new Caller("noprod" + RUN);
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(outsider, lists::lists));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(outsider, () -> lists.price(product.id(),
                list.id(), BigDecimal.ONE, DAY)));
        // JPY has no decimals: a price with some is refused on the price
        ValidationException decimals = assertThrows(ValidationException.class, () -> admin(() -> lists.setPrice(list.id(),
                product.id(), new BigDecimal("980.5"), List.of())));
        assertEquals("price", decimals.errors().get(0).field());
    }

    @Test
    public void t3b_anOpportunityHasProductLinesWithTheOpportunitysPermissionsAndGuard() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        PriceLists lists = PaxExamSupport.waitFor(context, PriceLists.class);
        LineItems lineItems = PaxExamSupport.waitFor(context, LineItems.class);
        assertTrue("the record type", eventually(() -> PaxExamSupport.typeReady(callers, records, TYPE)));
        users();
        RecordRow licence = admin(() -> records.create(TYPE, RecordValues.builder().set("name", "Licence " + RUN)
                .set("code", "L-" + RUN).set("costType", "Monthly").set("taxRate", new BigDecimal("21")).build()));
        RecordRow setup = admin(() -> records.create(TYPE, RecordValues.builder().set("name", "Setup " + RUN)
                .set("code", "SU-" + RUN).set("costType", "One time").set("unitPrice", new BigDecimal("500.00"))
                .set("taxRate", new BigDecimal("21")).build()));
        RecordRow retired = admin(() -> records.create(TYPE, RecordValues.builder().set("name", "Retired " + RUN)
                .set("code", "R-" + RUN).set("active", false).build()));
        PriceList list = admin(() -> lists.create(new PriceListInput("Lines " + RUN, "EUR", Optional.empty(),
                Optional.empty(), List.of())));
        admin(() -> lists.setPrice(list.id(), licence.id(), new BigDecimal("19.99"), List.of(range("10", "49", "5"))));
        // The proposal: the list price, the range's discount at 10, the product's tax and cost type
        LineProposal proposal = admin(() -> lineItems.propose(licence.id(), BigDecimal.TEN, Optional.of(list.id()),
                "EUR", DAY));
        assertMoney("19.99", proposal.unitPrice());
        assertMoney("5", proposal.discountPercent());
        assertMoney("21", proposal.taxPercent());
        assertEquals("Monthly", proposal.costType());
        // the setup's own price, entered tax 0 instead of the product's 21 %
        LineProposal setupProposal = admin(() -> lineItems.propose(setup.id(), BigDecimal.ONE, Optional.empty(), "EUR",
                DAY));
        assertMoney("500.00", setupProposal.unitPrice());
        String viewer = opportunityViewer();
        RecordRow deal = admin(() -> records.create(OPPORTUNITY, RecordValues.builder().set("name", "Deal " + RUN)
                .set("owner", viewer).build()));
        LineInput setupLine = new LineInput(Optional.empty(), setup.id(), "Installation", new BigDecimal("500.00"),
                BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO);
        List<LineItem> saved = admin(() -> lineItems.replace(OPPORTUNITY, deal.id(), "EUR",
                List.of(LineInput.of(proposal), setupLine)));
        assertEquals(List.of("Licence " + RUN, "Setup " + RUN), saved.stream().map(LineItem::productName).toList());
        // licence: 10 x 19.99 = 199.90; 5 % = 10.00; net 189.90; 21 % = 39.88; total 229.78 (monthly)
        // setup: 1 x 500.00, no discount, no tax: 500.00 (one time); overall 729.78, tax 39.88
        DocumentTotals totals = admin(() -> lineItems.totals(OPPORTUNITY, deal.id()));
        assertMoney("229.78", totals.byCostType().get("Monthly").total());
        assertMoney("500.00", totals.byCostType().get("One time").total());
        assertMoney("0", totals.byCostType().get("On demand").total());
        assertMoney("729.78", totals.overall().total());
        assertMoney("39.88", totals.overall().tax());
        assertMoney("699.90", totals.overall().amount());
        // A new line needs an active product; a bad quantity is refused on its line; nothing changes
        ValidationException refused = assertThrows(ValidationException.class, () -> admin(() -> lineItems.replace(
                OPPORTUNITY, deal.id(), "EUR", List.of(saved.get(0).toInput(), new LineInput(Optional.empty(),
                        retired.id(), "", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)))));
        assertEquals(List.of("lines[1].product", "lines[1].quantity"), refused.errors().stream().map(FieldError::field)
                .toList());
        assertEquals(2, admin(() -> lineItems.lines(OPPORTUNITY, deal.id())).size());
        // The opportunity's owner may view it (and its lines) but not edit opportunities: reading yes, writing no
        Caller viewerCaller = new Caller(viewer);
        assertEquals(2, callers.callAs(viewerCaller, () -> lineItems.lines(OPPORTUNITY, deal.id())).size());
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(viewerCaller, () -> lineItems.replace(
                OPPORTUNITY, deal.id(), "EUR", List.of())));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(new Caller("noprod" + RUN),
                () -> lineItems.lines(OPPORTUNITY, deal.id())));
        // A record type's guard freezes its lines
        List<LineItem> copiedLines = new ArrayList<>();
        // (and is told the totals of a change it allows, in the change's transaction)
        RecordRow copy = admin(() -> records.create(OPPORTUNITY, RecordValues.builder().set("name", "Copy " + RUN)
                .build()));
        AtomicReference<DocumentTotals> told = new AtomicReference<>();
        ServiceRegistration<LineGuard> guard = context.registerService(LineGuard.class, new LineGuard() {
            @Override
            public void check(String type, long id) {
                if (id == deal.id()) {
                    throw new ConflictException("Frozen " + RUN);
                }
            }

            @Override
            public void changed(String type, long id, DocumentTotals newTotals) {
                if (id == copy.id()) {
                    told.set(newTotals);
                }
            }
        }, new Hashtable<>(Map.of("crm.record.type", OPPORTUNITY)));
        try {
            assertTrue("the guard is asked", eventually(() -> {
                try {
                    // the same lines: should the guard not be bound yet, this changes nothing
                    admin(() -> lineItems.replace(OPPORTUNITY, deal.id(), "EUR", saved.stream().map(LineItem::toInput)
                            .toList()));
                    return false;
                } catch (ConflictException e) {
                    return e.getMessage().equals("Frozen " + RUN);
                }
            }));
            assertEquals(2, admin(() -> lineItems.lines(OPPORTUNITY, deal.id())).size());
            // Copy onto another opportunity (a quote from an opportunity works the same): same lines, new ids
            List<LineItem> copied = admin(() -> lineItems.copy(OPPORTUNITY, deal.id(), OPPORTUNITY, copy.id()));
            assertMoney("729.78", told.get().overall().total());
            copiedLines.addAll(copied);
        } finally {
            guard.unregister();
        }
        List<LineItem> copied = copiedLines;
        assertEquals(saved.stream().map(LineItem::amounts).toList(), copied.stream().map(LineItem::amounts).toList());
        assertEquals("Installation", copied.get(1).description());
        assertFalse(copied.get(0).id() == saved.get(0).id());
        assertMoney("729.78", admin(() -> lineItems.totals(OPPORTUNITY, copy.id())).overall().total());
        // The REST API serves the lines with their totals, and refuses a bad line at its field
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        String secret = admin(() -> tokens.create("admin", new ApiTokenRequest("lines " + RUN,
                ApiTokenScope.READ_WRITE, Set.of(OPPORTUNITY, TYPE), Optional.empty()))).secret();
        HttpResponse<String> got = get(secret, "/api/v1/records/opportunity/" + deal.id() + "/lines");
        assertEquals(got.body(), 200, got.statusCode());
        assertTrue(got.body(), got.body().contains("\"total\":229.78") && got.body().contains("\"total\":729.78")
                && got.body().contains("\"productName\":\"Licence " + RUN + "\""));
        HttpResponse<String> bad = send(secret, "PUT", "/api/v1/records/opportunity/" + copy.id() + "/lines",
                "{\"currency\":\"EUR\",\"lines\":[{\"productId\":" + setup.id()
                        + ",\"unitPrice\":10,\"quantity\":-1}]}");
        assertEquals(bad.body(), 422, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("lines[0].quantity"));
        HttpResponse<String> put = send(secret, "PUT", "/api/v1/records/opportunity/" + copy.id() + "/lines",
                "{\"currency\":\"EUR\",\"lines\":[{\"productId\":" + setup.id()
                        + ",\"unitPrice\":10.5,\"quantity\":3,\"taxPercent\":10}]}");
        assertEquals(put.body(), 200, put.statusCode());
        // 3 x 10.50 = 31.50; 10 % tax = 3.15; total 34.65
        assertTrue(put.body(), put.body().contains("\"total\":34.65"));
        HttpResponse<String> proposed = send(secret, "POST", "/api/v1/products/" + licence.id() + "/propose-line",
                "{\"quantity\":49,\"priceListId\":" + list.id() + ",\"on\":\"2026-12-05\"}");
        assertEquals(proposed.body(), 200, proposed.statusCode());
        assertTrue(proposed.body(), proposed.body().contains("\"discountPercent\":5"));
        // 500 lines through the whole service (permissions, checks, batch insert, audit); how long it takes is
        // measured in benchmarks/ (Quoting), not here
        RecordRow big = admin(() -> records.create(OPPORTUNITY, RecordValues.builder().set("name", "Big " + RUN)
                .build()));
        List<LineInput> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(new LineInput(Optional.empty(), i % 2 == 0 ? licence.id() : setup.id(), "Line " + i,
                    new BigDecimal("19.99"), BigDecimal.valueOf(1 + i % 60), new BigDecimal("5"), new BigDecimal("21")));
        }
        for (int round = 0; round < 2; round++) {
            assertEquals(500, admin(() -> lineItems.replace(OPPORTUNITY, big.id(), "EUR", many)).size());
            assertEquals("saving the lines again replaces them", 500, countLines(big.id()));
        }
        // Deleting the opportunity deletes its lines
        admin(() -> records.delete(OPPORTUNITY, RecordSelection.of(List.of(copy.id()))));
        assertEquals(0, countLines(copy.id()));
        assertEquals(2, countLines(deal.id()));
    }

    @Test
    public void t4_theModuleGoesAndComesBackWithItsData() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        PriceLists lists = PaxExamSupport.waitFor(context, PriceLists.class);
        assertTrue("the record type", eventually(() -> PaxExamSupport.typeReady(callers, records, TYPE)));
        RecordRow kept = admin(() -> records.create(TYPE, RecordValues.builder().set("name", "Kept " + RUN)
                .set("code", "K-" + RUN).build()));
        PriceList list = admin(() -> lists.create(new PriceListInput("Kept list " + RUN, "USD", Optional.empty(),
                Optional.empty(), List.of())));
        admin(() -> lists.setPrice(list.id(), kept.id(), new BigDecimal("100"), List.of(range("2", null, "25"))));

        List<String> removed = PaxExamSupport.uninstallWithDependents(features, FEATURE);
        assertTrue("the module's services left", eventually(() -> PaxExamSupport.servicesOf(context, BUNDLE) == 0 && !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        assertTrue("no products view", eventually(() -> PaxExamSupport.viewReference(context, "products") == null));
        assertThrows(CrmException.class, () -> admin(() -> records.get(TYPE, kept.id())));

        PaxExamSupport.install(features, removed);
        assertTrue("the view is back", eventually(() -> PaxExamSupport.viewReference(context, "products") != null));
        assertTrue("the record type is back", eventually(() -> PaxExamSupport.typeReady(callers, records, TYPE)));
        assertEquals("K-" + RUN, admin(() -> records.get(TYPE, kept.id())).orElseThrow().text("code"));
        // The new revision's service, called through JDK types (this bundle is wired to the old API revision):
        // 2 x 100 = 200.00; 25 % = 50.00; total 150.00 USD
        Object reinstalled = PaxExamSupport.newService(context, PriceLists.class.getName());
        Method price = reinstalled.getClass().getMethod("price", long.class, long.class, BigDecimal.class, LocalDate.class);
        Object quote = admin(() -> PaxExamSupport.invoke(price, reinstalled, kept.id(), list.id(), new BigDecimal("2"), DAY));
        Object amounts = quote.getClass().getMethod("amounts").invoke(quote);
        assertMoney("150.00", (BigDecimal) amounts.getClass().getMethod("total").invoke(amounts));
        // The code is still unique after the reinstall
        assertThrows(ValidationException.class, () -> admin(() -> records.create(TYPE, RecordValues.builder()
                .set("name", "Again " + RUN).set("code", "k-" + RUN).build())));
    }

    /**
     * The PDF platform (crm-pdf, which crm-quotes brings) through the real bundles: names with accents, Greek and
     * Cyrillic come back out of the PDF (read with the container's PDFBox); PDFBox's font cache is under the data
     * folder (etc/system.properties); the template store's table works on this database; uninstalling the features that need crm-pdf removes its bundles and leaves no
     * thread bound to their class loaders (none of PDFBox, openhtmltopdf and FreeMarker starts one); installed back, it
     * renders again. All through reflection: the probe is wired to no revision of those bundles.
     */
    @Test
    public void t5_thePdfPlatformRendersAndComesBackWithoutLeavingThreads() throws Exception {
        String names = "Zoë Łukasiewicz, Ñandú, Δήμητρα, Иван";
        String text = pdfText(renderPdf(PaxExamSupport.newService(context, PDF_RENDERER), names));
        assertTrue(text, text.contains(names));
        assertEquals("the font cache under the data folder", java.nio.file.Path.of(System.getProperty("karaf.data"),
                "pdfbox").toString(), System.getProperty("pdfbox.fontcache"));
        assertTrue("PDFBox wrote its font cache there", java.nio.file.Files.exists(
                java.nio.file.Path.of(System.getProperty("pdfbox.fontcache"), ".pdfbox.cache")));
        assertEquals("true", System.getProperty("java.awt.headless"));

        // The template store's table on this database: a template is checked, saved, read back and reset
        Object templates = PaxExamSupport.newService(context, "org.tesseracrm.pdf.api.PdfTemplates");
        Object renderer = PaxExamSupport.newService(context, PDF_RENDERER);
        String name = "it-" + RUN;
        Object sample = pdfRequest(renderer, name, names);
        Method save = templates.getClass().getMethod("save", sample.getClass(), String.class);
        Method find = templates.getClass().getMethod("find", String.class, String.class);
        Method reset = templates.getClass().getMethod("reset", String.class, String.class);
        admin(() -> PaxExamSupport.invoke(save, templates, sample, "quotes.configure"));
        Optional<?> stored = (Optional<?>) admin(() -> PaxExamSupport.invoke(find, templates, name, "quotes.view"));
        assertTrue("the template is stored", stored.isPresent());
        assertEquals(PDF_TEMPLATE, stored.get().getClass().getMethod("text").invoke(stored.get()));
        admin(() -> PaxExamSupport.invoke(reset, templates, name, "quotes.configure"));
        assertFalse("reset", ((Optional<?>) admin(() -> PaxExamSupport.invoke(find, templates, name, "quotes.view")))
                .isPresent());

        List<String> removed = PaxExamSupport.uninstallWithDependents(features, "crm-pdf");
        assertTrue("the PDF bundles left", eventually(() -> PDF_BUNDLES.stream()
                .noneMatch(b -> PaxExamSupport.bundleInstalled(context, b))));
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && thread.getContextClassLoader() instanceof org.osgi.framework.BundleReference ref) {
                assertFalse("thread " + thread.getName() + " holds the class loader of the uninstalled "
                        + ref.getBundle().getSymbolicName(), PDF_BUNDLES.contains(ref.getBundle().getSymbolicName()));
            }
        }

        PaxExamSupport.install(features, removed);
        String again = pdfText(renderPdf(PaxExamSupport.newService(context, PDF_RENDERER), names));
        assertTrue(again, again.contains(names));
    }

    private static final String PDF_RENDERER = "org.tesseracrm.pdf.api.PdfRenderer";
    private static final Set<String> PDF_BUNDLES = Set.of("org.tesseracrm.pdf", "org.apache.pdfbox",
            "org.apache.pdfbox.fontbox", "org.apache.pdfbox.io", "org.apache.pdfbox.xmpbox", "de.rototor.pdfbox.graphics2d",
            "io.github.openhtmltopdf.core", "io.github.openhtmltopdf.pdfbox", "org.freemarker.freemarker");

    private static final String PDF_TEMPLATE =
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>${names}</p></body></html>";

    /** A PdfRequest of the renderer's bundle revision for the one-paragraph template. */
    private static Object pdfRequest(Object renderer, String name, String names) throws ReflectiveOperationException {
        Class<?> request = renderer.getClass().getClassLoader().loadClass("org.tesseracrm.pdf.api.PdfRequest");
        return request.getConstructor(String.class, String.class, Map.class, java.util.Locale.class, String.class)
                .newInstance(name, PDF_TEMPLATE, Map.of("names", names), java.util.Locale.ROOT, "IT");
    }

    /** Renders the one-paragraph template through a PdfRenderer service of whichever bundle revision. */
    private static byte[] renderPdf(Object renderer, String names) throws ReflectiveOperationException {
        Object r = pdfRequest(renderer, "it", names);
        byte[] pdf = (byte[]) renderer.getClass().getMethod("render", r.getClass()).invoke(renderer, r);
        assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        return pdf;
    }

    /** The PDF's text, read with the PDFBox bundle of the container. */
    private String pdfText(byte[] pdf) throws ReflectiveOperationException {
        Bundle pdfbox = java.util.Arrays.stream(context.getBundles())
                .filter(b -> "org.apache.pdfbox".equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE)
                .findFirst().orElseThrow(() -> new AssertionError("no active PDFBox bundle"));
        Object document = pdfbox.loadClass("org.apache.pdfbox.Loader").getMethod("loadPDF", byte[].class)
                .invoke(null, (Object) pdf);
        try {
            Object stripper = pdfbox.loadClass("org.apache.pdfbox.text.PDFTextStripper").getConstructor().newInstance();
            return (String) stripper.getClass().getMethod("getText", document.getClass()).invoke(stripper, document);
        } finally {
            document.getClass().getMethod("close").invoke(document);
        }
    }

    /** A seller (products.view) and an outsider (contacts only), created once per run; @return the seller */
    private String users() throws InterruptedException {
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        String seller = "prodseller" + RUN;
        if (admin(() -> security.users()).stream().noneMatch(u -> u.username().equals(seller))) {
            admin(() -> {
                ProfileInfo viewing = security.saveProfile(new ProfileInfo(null, "Product viewers " + RUN, false,
                        Set.of("products.view", "products.create", "products.edit")));
                ProfileInfo other = security.saveProfile(new ProfileInfo(null, "No products " + RUN, false,
                        Set.of("contacts.view")));
                RoleInfo role = security.saveRole(null, "Product sellers " + RUN, null);
                security.createUser(new UserInput(seller, "Seller", "", "", role.id(), viewing.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
                security.createUser(new UserInput("noprod" + RUN, "Outsider", "", "", role.id(), other.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
                return null;
            });
        }
        return seller;
    }

    /** A user who owns opportunities and may view them and products but not edit opportunities; @return the name */
    private String opportunityViewer() throws InterruptedException {
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        String viewer = "oppviewer" + RUN;
        if (admin(() -> security.users()).stream().noneMatch(u -> u.username().equals(viewer))) {
            admin(() -> {
                ProfileInfo viewing = security.saveProfile(new ProfileInfo(null, "Opportunity viewers " + RUN, false,
                        Set.of("opportunities.view", "products.view")));
                RoleInfo role = security.saveRole(null, "Opportunity viewers " + RUN, null);
                return security.createUser(new UserInput(viewer, "Viewer", "", "", role.id(), viewing.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
            });
        }
        return viewer;
    }

    private int countLines(long recordId) throws Exception {
        Collection<ServiceReference<DataSource>> refs = context.getServiceReferences(DataSource.class,
                "(osgi.jndi.service.name=crm)");
        DataSource crm = context.getService(refs.iterator().next());
        try (Connection c = crm.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM PRODUCT_LINE WHERE RECORD_TYPE = ? AND RECORD_ID = ?")) {
            s.setString(1, OPPORTUNITY);
            s.setLong(2, recordId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private HttpResponse<String> send(String secret, String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String secret, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }


    private <T> T admin(Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }

    private static QuantityRange range(String from, String to, String discount) {
        return new QuantityRange(new BigDecimal(from), Optional.ofNullable(to).map(BigDecimal::new), new BigDecimal(discount));
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(expected + " vs " + actual, 0, new BigDecimal(expected).compareTo(actual));
    }

}
