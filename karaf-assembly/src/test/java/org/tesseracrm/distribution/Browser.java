package org.tesseracrm.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (no browser download), with the flags
 * this network-less machine needs. Elements are found by the ids the views set.
 */
final class Browser implements AutoCloseable {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    Browser() throws IOException {
        profile = Files.createTempDirectory("tessera-chromium");
        downloads = Files.createDirectories(profile.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1366,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
    }

    /** Ticks the item with this label in a multi-select combo box, then closes its overlay. */
    void pickMulti(String comboId, String label) {
        type(comboId, label);
        wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().equals(label)).findFirst().orElse(null)).click();
        await(By.cssSelector("#" + comboId + " input")).sendKeys(Keys.ESCAPE);
    }

    /** Waits for a finished download whose name ends with the suffix; returns its path. */
    Path download(String suffix) {
        return wait(Duration.ofSeconds(30)).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** Chooses the item with this label in a select by opening it and clicking the item. */
    void choose(String selectId, String label) {
        click(selectId);
        wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().equals(label)).findFirst().orElse(null)).click();
    }

    /** Hands a file to a vaadin-upload, as choosing it in the file dialog would. */
    void upload(String uploadId, Path file) {
        await(By.id(uploadId));
        WebElement input = (WebElement) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const up = document.getElementById(arguments[0]);"
                        + "const input = up.querySelector('input[type=file]') || up.shadowRoot.querySelector('input[type=file]');"
                        + "input.hidden = false; input.style.display = 'block'; return input;", uploadId);
        input.sendKeys(file.toAbsolutePath().toString());
    }

    /** Types into a text area. */
    void typeArea(String fieldId, String text) {
        WebElement input = await(By.cssSelector("#" + fieldId + " textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    /** Clicks the context-menu item with this label (menus open in an overlay). */
    void clickMenuItem(String label) {
        wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("vaadin-context-menu-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().equals(label)).findFirst().orElse(null)).click();
    }

    void open(String url) {
        driver.get(url);
    }

    void logIn(String user, String password) {
        submitLogin(user, password);
        await(By.id("tessera-menu"));
    }

    /** Fills in and submits the sign-in form, without waiting for the outcome. */
    void submitLogin(String user, String password) {
        type("vaadinLoginUsername", user);
        type("vaadinLoginPassword", password);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(Keys.ENTER);
    }

    /** @return the error the sign-in form shows (title and message), or "" */
    String loginError() {
        List<WebElement> wrappers = driver.findElements(By.cssSelector("vaadin-login-form-wrapper"));
        if (wrappers.isEmpty() || driver.findElement(By.id("tessera-login")).getAttribute("error") == null) {
            return "";
        }
        return wrappers.get(0).getShadowRoot().findElements(By.cssSelector("[part='error-message']")).stream()
                .map(WebElement::getText).findFirst().orElse("");
    }

    WebElement await(By by) {
        return wait(Duration.ofSeconds(30)).until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
    }

    void type(String fieldId, String text) {
        WebElement input = await(By.cssSelector("#" + fieldId + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    /** Types into the first shown input matching the CSS selector (an input without an id of its own). */
    void typeInto(String css, String text) {
        WebElement input = await(By.cssSelector(css));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    void click(String id) {
        await(By.id(id)).click();
    }

    /** Opens or closes a details panel by its summary, scrolled to the middle of a long dialog first. */
    void toggle(String detailsId) {
        clickFirst("#" + detailsId + " > vaadin-details-summary");
    }

    /**
     * Scrolls the element with this id to the middle of its scroll area once it is in the page: Selenium does not count
     * an element scrolled out of an overflow area (a long form or permission matrix) as shown, so {@link #await} would
     * wait for it in vain.
     */
    void scrollTo(String id) {
        wait(Duration.ofSeconds(30)).until(d -> !d.findElements(By.id(id)).isEmpty());
        script("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", id);
    }

    /** Clicks the first shown element matching the CSS selector, scrolled to the middle of its scroll area. */
    void clickFirst(String css) {
        WebElement element = await(By.cssSelector(css));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                element);
        element.click();
    }

    /** Types into the input of the n-th element (from 0) matching the CSS selector: a cell of a grid's row. */
    void typeIntoNth(String css, int index, String text) {
        WebElement input = nth(css + " input", index);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
    }

    /** Types into the n-th combo box (from 0) matching the CSS selector and chooses the item with this label. */
    void pickNth(String css, int index, String typed, String label) {
        WebElement input = nth(css + " input", index);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(typed);
        wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().equals(label)).findFirst().orElse(null)).click();
    }

    /** @return the value of the input of the n-th element (from 0) matching the CSS selector */
    String nthValue(String css, int index) {
        String value = nth(css + " input", index).getAttribute("value");
        return value == null ? "" : value;
    }

    private WebElement nth(String css, int index) {
        return wait(Duration.ofSeconds(10)).until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector(css));
            return all.size() > index ? all.get(index) : null;
        });
    }

    /** Chooses the item with this label in a combo box by typing it and clicking the match. */
    void pick(String comboId, String label) {
        type(comboId, label);
        wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().equals(label)).findFirst().orElse(null)).click();
    }

    /** Types into a combo box and clicks the first suggestion starting with the given text. */
    void pickStarting(String comboId, String typed, String start) {
        type(comboId, typed);
        wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().startsWith(start)).findFirst().orElse(null)).click();
    }

    /** @return the texts of the combo-box items shown now (the open overlay's) */
    List<String> comboItems() {
        return driver.findElements(By.cssSelector("vaadin-combo-box-item")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).map(String::trim).toList();
    }

    /** @return the text of the combo-box item the keyboard is on, or "" */
    String focusedComboItem() {
        return driver.findElements(By.cssSelector("vaadin-combo-box-item[focused]")).stream()
                .filter(WebElement::isDisplayed).findFirst().map(WebElement::getText).map(String::trim).orElse("");
    }

    /** Sends keys to the input of the field with this id. */
    void keys(String fieldId, CharSequence... keys) {
        await(By.cssSelector("#" + fieldId + " input")).sendKeys(keys);
    }

    /** Clicks the rendered grid cell with exactly this text. */
    void clickCell(String gridId, String text) {
        wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content"))
                .stream().filter(c -> c.getText().trim().equals(text)).findFirst().orElse(null)).click();
    }

    /** @return whether an element with this id is shown now */
    boolean shown(String id) {
        return driver.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
    }

    /**
     * @return the texts of the grid's cells that are rendered now; read again if the grid re-renders while they are
     *     read (a cell found a moment ago may be gone: seen once in CI right after a filter's results came)
     */
    List<String> gridCells(String gridId) {
        for (int attempt = 1;; attempt++) {
            try {
                return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                        .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
            } catch (StaleElementReferenceException rerendered) {
                if (attempt == 5) {
                    throw rerendered;
                }
            }
        }
    }

    /** @return the labels of the side-menu entries */
    List<String> menu() {
        return driver.findElements(By.cssSelector("#tessera-menu vaadin-side-nav-item")).stream()
                .map(WebElement::getText).map(String::trim).toList();
    }

    /** @return the visible text of the first element matching the CSS selector, or "" if there is none */
    String text(String css) {
        return driver.findElements(By.cssSelector(css)).stream().findFirst().map(WebElement::getText).orElse("");
    }

    String attribute(String id, String name) {
        return driver.findElement(By.id(id)).getAttribute(name);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    <T> T until(Duration timeout, ExpectedCondition<T> condition) {
        return wait(timeout).until(condition);
    }

    /** Saves a screenshot under target/screenshots; kept as a build artifact. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(100));
        // Vaadin re-renders grids and menus on push: an element read a moment ago may be gone.
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** For assertions that need the raw driver. */
    TakesScreenshot raw() {
        return driver;
    }

    /** Runs JavaScript in the page (arguments as {@code arguments[i]}); returns what it returns. */
    Object script(String script, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Drags one element onto another with HTML5 drag and drop, as Vaadin's {@code DragSource} and
     * {@code DropTarget} use it: dispatches dragstart, dragenter, dragover, drop and dragend with one shared
     * {@code DataTransfer}, since Selenium's {@code Actions} cannot fire HTML5 drag events in Chromium.
     */
    void drag(String sourceId, String targetId) {
        await(By.id(sourceId));
        script("const src = document.getElementById(arguments[0]), dst = document.getElementById(arguments[1]);"
                + "const dt = new DataTransfer();"
                + "const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true,"
                + " composed: true, dataTransfer: dt}));"
                + "fire(src, 'dragstart'); fire(dst, 'dragenter'); fire(dst, 'dragover'); fire(dst, 'drop');"
                + " fire(src, 'dragend');", sourceId, targetId);
    }

    /** @return whether the grid shows its columns without scrolling sideways */
    boolean fitsWithoutScrolling(String gridId) {
        return (Boolean) script("const t = document.getElementById(arguments[0]).shadowRoot.querySelector('#table');"
                + "return t.scrollWidth <= t.clientWidth;", gridId);
    }

    /** @return whether the header of the grid's column frozen to the end lines up with its first row's cell */
    boolean frozenEndHeaderAligned(String gridId) {
        return (Boolean) script("const r = document.getElementById(arguments[0]).shadowRoot;"
                + "const h = r.querySelector('#header [part~=\"frozen-to-end-cell\"]').getBoundingClientRect();"
                + "const b = r.querySelector('#items [part~=\"frozen-to-end-cell\"]').getBoundingClientRect();"
                + "return Math.abs(h.left - b.left) < 1 && Math.abs(h.width - b.width) < 1;", gridId);
    }

    /** @return whether the open dialog's content is no wider than the dialog (nothing scrolls sideways) */
    boolean dialogFitsWithoutScrolling() {
        return (Boolean) script("const c = document.querySelector('vaadin-dialog-overlay[opened]')"
                + ".shadowRoot.querySelector('[part=\"content\"]'); return c.scrollWidth <= c.clientWidth;");
    }
}
