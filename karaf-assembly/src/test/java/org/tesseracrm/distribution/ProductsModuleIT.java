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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.inject.Inject;

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
 * lists, and the module goes and comes back at runtime with its data. Names carry the run's id: the PostgreSQL ITs of
 * one run share one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ProductsModuleIT {
    private static final String FEATURE = "crm-products";
    private static final String BUNDLE = "org.tesseracrm.products";
    private static final String TYPE = "product";
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
        assertTrue("the record type", eventually(() -> typeReady(records)));
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
        assertTrue("the record type", eventually(() -> typeReady(records)));
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
        assertTrue("the record type", eventually(() -> typeReady(records)));
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
    public void t4_theModuleGoesAndComesBackWithItsData() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        PriceLists lists = PaxExamSupport.waitFor(context, PriceLists.class);
        assertTrue("the record type", eventually(() -> typeReady(records)));
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
        assertTrue("the record type is back", eventually(() -> typeReady(records)));
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

    private HttpResponse<String> get(String secret, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private boolean typeReady(Records records) {
        try {
            admin(() -> records.page(TYPE, RecordQuery.page(0, 1)));
            return true;
        } catch (CrmException e) {
            return false;
        }
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
