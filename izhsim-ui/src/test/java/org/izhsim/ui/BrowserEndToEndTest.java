package org.izhsim.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in headless Chromium (Debian's chromium + chromedriver through Selenium): loads,
 * moves a slider with the keyboard and sees the trace change, computes an F–I curve, starts a
 * network and sees spikes arrive, pauses it, changes σ and sees the change logged. Screenshots
 * go to target/e2e-*.png. Skipped only when Chromium is absent outside CI; in CI (CI=true) a
 * missing browser fails the test, so it never passes silently.
 */
class BrowserEndToEndTest {
    static final File CHROMIUM = new File("/usr/bin/chromium"), DRIVER = new File("/usr/bin/chromedriver");
    static UiServer server;
    static ChromeDriver driver;
    static Path modelRoot;

    @BeforeAll
    static void start() throws Exception {
        boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
        if (!present) {
            if ("true".equals(System.getenv("CI"))) fail("CI=true but /usr/bin/chromium or /usr/bin/chromedriver is missing (apt-get install chromium chromium-driver)");
            Assumptions.assumeTrue(false, "headless Chromium not installed (apt-get install chromium chromium-driver)");
        }
        modelRoot = Files.createTempDirectory("izhsim-e2e-models");
        Files.writeString(modelRoot.resolve("small.yaml"), NetworkModelApiTest.MODEL);
        Files.writeString(modelRoot.resolve("bad.yaml"), NetworkModelApiTest.MODEL.replace("size: 20", "size: twenty"));
        server = UiServer.start("127.0.0.1", 0, null, modelRoot);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    /** Waits for the condition; in vain, fails with what the page showed, loaded and logged. */
    static <T> T until(int seconds, Function<? super WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s in vain; " + pageState(), e);
        }
    }

    private static String pageState() {
        StringBuilder s = new StringBuilder("the page: ");
        try {
            screenshot("timeout");
            s.append(driver.executeScript("return JSON.stringify({url: location.href, state: document.readyState,"
                    + " errors: window.__errors, text: document.body ? document.body.innerText.slice(0, 600) : null,"
                    + " loaded: performance.getEntriesByType('resource').map(e => e.name.replace(location.origin, '')"
                    + " + ' at ' + Math.round(e.startTime) + ' ms in ' + Math.round(e.duration) + ' ms')})"));
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) s.append("\nconsole: ").append(e.getLevel()).append(' ').append(e.getMessage());
        } catch (Exception e) {
            s.append("unreadable (").append(e.getMessage().lines().findFirst().orElse("")).append(')');
        }
        return s.toString();
    }

    static String attr(String id, String name) {
        return driver.findElement(By.id(id)).getDomAttribute(name);
    }

    static void screenshot(String name) throws Exception {
        File f = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "e2e-" + name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(f.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    static int renders() {
        return Integer.parseInt(attr("neuron-stats", "data-renders"));
    }

    static void setNumber(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value, Keys.TAB);
    }

    @Test
    void neuronSliderRedrawsAndTheNetworkStreams() throws Exception {
        driver.get(server.uri().toString());
        until(60, d -> renders() >= 1);
        String before = attr("neuron-stats", "data-v-sum");
        int r0 = renders();

        // move slider d with the keyboard (the controls are keyboard-accessible): the trace must change
        WebElement d = driver.findElement(By.id("s-d"));
        d.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        until(30, x -> renders() > r0 && !before.equals(attr("neuron-stats", "data-v-sum")));
        assertEquals("7.7", driver.findElement(By.id("n-d")).getDomProperty("value"));
        assertNotEquals(before, attr("neuron-stats", "data-v-sum"));

        // a 1000 ms trace at dt 0.1 ms: the round trip the page measured (indicative, generous bound)
        setNumber("n-dt", "0.1");
        setNumber("n-duration", "1000");
        List<Double> rtts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int r = renders();
            WebElement a = driver.findElement(By.id("s-a"));
            a.sendKeys(i % 2 == 0 ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT);
            until(30, x -> renders() > r);
            rtts.add(Double.parseDouble(attr("neuron-stats", "data-rtt-ms")));
        }
        assertEquals("10001 samples", driver.findElement(By.id("neuron-stats")).getText().replaceAll(".* (\\d+ samples).*", "$1"));
        List<Double> sorted = rtts.stream().sorted().toList();
        System.out.printf("browser round trip, 1000 ms trace at dt 0.1 ms: median %.1f ms of %s%n", sorted.get(sorted.size() / 2), rtts);
        assertTrue(sorted.get(sorted.size() / 2) < 1000, "median round trip " + sorted.get(sorted.size() / 2) + " ms");
        screenshot("neuron");

        // a mistake in the current is shown with its caret, nothing runs
        WebElement cur = driver.findElement(By.id("current"));
        cur.clear();
        cur.sendKeys("int(t>100*ms)*10 +");
        until(30, x -> driver.findElement(By.id("current-error")).isDisplayed());
        assertTrue(driver.findElement(By.id("current-error")).getText().contains("^"));
        cur.sendKeys(" 1");
        until(30, x -> !driver.findElement(By.id("current-error")).isDisplayed());

        // F–I tab
        driver.findElement(By.id("tab-fi")).click();
        driver.findElement(By.id("fi-run")).click();
        until(60, x -> driver.findElement(By.id("fi-stats")).getText().contains("41 currents"));
        screenshot("fi");

        // network tab: start, spikes arrive, pause, change sigma, resume, the change is logged
        driver.findElement(By.id("tab-network")).click();
        setNumber("net-duration", "3000");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("net-speed"))).selectByValue("1");
        driver.findElement(By.id("net-start")).click();
        until(60, x -> Integer.parseInt(attr("net-status", "data-spikes")) > 500);
        driver.findElement(By.id("net-pause")).click();
        until(30, x -> "paused".equals(attr("net-status", "data-state")));
        WebElement sigma = driver.findElement(By.id("s-sigma_exc"));
        sigma.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT); // 5 -> 6 in steps of 0.5
        driver.findElement(By.id("net-resume")).click();
        until(60, x -> driver.findElement(By.id("net-log")).getText().contains("noise 'noise:exc' sigma = 6.0"));
        screenshot("network-running");
        until(60, x -> "done".equals(attr("net-status", "data-state")));
        int spikes = Integer.parseInt(attr("net-status", "data-spikes"));
        assertTrue(spikes > 5000, "spikes " + spikes);
        screenshot("network-done");

        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) severe.add(e.getMessage());
        }
        // the deliberate bad expression answers 400, which Chromium logs as a failed resource load
        severe.removeIf(m -> m.contains("/api/neuron") && m.contains("400"));
        assertEquals(List.of(), severe, "JavaScript console errors");
        Object errors = driver.executeScript("return window.__errors");
        assertEquals(List.of(), errors, "uncaught errors in the page");
    }

    /**
     * The network tab with a model file from the model root: it runs and is steered by its own
     * inputs, the change is marked on the raster, a click on a row replays that neuron's v and u,
     * the raster zooms, pans and resets, the ISI, spectrum and weight views fill, and a bad
     * upload shows the reader's line.
     */
    @Test
    void aModelFileRunsAndTheRasterZoomsPansAndTracesAClickedNeuron() throws Exception {
        driver.get(server.uri().toString());
        until(60, d -> renders() >= 1);
        driver.findElement(By.id("tab-network")).click();
        until(30, x -> !driver.findElements(By.cssSelector("#net-source option[value='small.yaml']")).isEmpty());
        new Select(driver.findElement(By.id("net-source"))).selectByValue("small.yaml");
        assertTrue(driver.findElement(By.id("net-model-note")).isDisplayed());
        assertTrue(!driver.findElement(By.id("net-ne")).isDisplayed(), "the built-in network's fields are hidden");
        new Select(driver.findElement(By.id("net-speed"))).selectByValue("0.25");
        driver.findElement(By.id("net-start")).click();
        until(60, x -> "running".equals(attr("net-status", "data-state")) && Integer.parseInt(attr("net-status", "data-spikes")) > 0);
        // the model's first input, noise:exc, is the first slider: 5 -> 6
        assertTrue(driver.findElement(By.cssSelector("label[for=s-in0]")).getText().contains("noise:exc"));
        driver.findElement(By.id("s-in0")).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        until(60, x -> driver.findElement(By.id("net-log")).getText().contains("noise 'noise:exc' sigma = 6.0"));
        until(60, x -> "done".equals(attr("net-status", "data-state")));
        // one mark per committed change (each arrow key commits one: 5.5, then 6); a model file has no initial ones
        int logged = driver.findElements(By.cssSelector("#net-log li")).size();
        assertTrue(logged >= 1);
        assertEquals(String.valueOf(logged), attr("raster", "data-markers"));
        assertTrue(driver.findElement(By.id("net-title")).getText().startsWith("small, 100 neurons"));

        // a click on the row of neuron 12, at t = 150 ms: its v and u, replayed
        WebElement raster = driver.findElement(By.id("raster"));
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) driver.executeScript("return [raster.px(150), raster.py(12.5), arguments[0].clientWidth, arguments[0].clientHeight]", raster);
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(raster, (int) (at.get(0).doubleValue() - at.get(2).doubleValue() / 2),
                (int) (at.get(1).doubleValue() - at.get(3).doubleValue() / 2)).click().perform();
        until(60, x -> "12".equals(attr("view-trace", "data-neuron")));
        assertEquals("true", attr("view-trace", "data-identical"));
        assertTrue(driver.findElement(By.id("trace-note")).getText().contains("replayed"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(By.id("view-trace")));
        screenshot("network-model-trace");

        // zoom in, drag to pan, reset
        driver.findElement(By.id("raster-in")).click();
        assertEquals(75.0, Double.parseDouble(attr("raster", "data-x0")), 1e-9);
        assertEquals(225.0, Double.parseDouble(attr("raster", "data-x1")), 1e-9);
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(raster).clickAndHold().moveByOffset(-120, 0).release().perform();
        double x0 = Double.parseDouble(attr("raster", "data-x0"));
        assertTrue(x0 > 75, "dragged left: later times, x0 = " + x0);
        assertEquals(150.0, Double.parseDouble(attr("raster", "data-x1")) - x0, 1e-9);
        assertEquals("12", attr("view-trace", "data-neuron"), "a drag is no click");
        driver.findElement(By.id("raster-reset")).click();
        assertEquals("0", attr("raster", "data-x0"));
        assertEquals("300", attr("raster", "data-x1"));

        driver.findElement(By.id("vtab-isi")).click();
        until(30, x -> attr("isi-stats", "data-intervals") != null && Integer.parseInt(attr("isi-stats", "data-intervals")) > 0);
        driver.findElement(By.id("vtab-spectrum")).click();
        until(30, x -> driver.findElement(By.id("spectrum-stats")).getText().contains("gamma peak"));
        driver.findElement(By.id("vtab-weights")).click();
        until(30, x -> "30".equals(attr("incoming-note", "data-inputs"))); // 20 from exc, 10 from inh
        assertEquals("false", attr("weights-note", "data-plastic"));
        assertTrue(driver.findElement(By.id("weights-note")).getText().contains("no plastic synapses"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(By.id("view-weights")));
        screenshot("network-model-weights");

        // a bad file, uploaded: the reader's one line, nothing runs
        new Select(driver.findElement(By.id("net-source"))).selectByValue("upload");
        driver.findElement(By.id("net-file")).sendKeys(modelRoot.resolve("bad.yaml").toString());
        driver.findElement(By.id("net-start")).click();
        until(30, x -> driver.findElement(By.id("net-error")).isDisplayed());
        String error = driver.findElement(By.id("net-error")).getText();
        assertTrue(error.startsWith("bad.yaml:") && error.contains("groups.inh.size") && !error.contains("\n"), error);

        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) severe.add(e.getMessage());
        }
        severe.removeIf(m -> m.contains("/api/net") && m.contains("400")); // the deliberate bad file
        assertEquals(List.of(), severe, "JavaScript console errors");
        assertEquals(List.of(), driver.executeScript("return window.__errors"), "uncaught errors in the page");
        driver.get("about:blank");
    }

    /**
     * The page starts however late its scripts arrive: here the network tab's script comes
     * 1.5 s after the page has asked for its catalogue, which used to answer first and run
     * the start-up before the functions it calls were defined.
     */
    @Test
    void thePageStartsWhenALaterScriptArrivesAfterTheCatalogue() throws Exception {
        try (SlowAssetRelay relay = new SlowAssetRelay(server.port(), "/net.js", 1500)) {
            driver.get(relay.uri().toString());
            until(30, d -> renders() >= 1);
            assertEquals(List.of(), driver.executeScript("return window.__errors"), "uncaught errors in the page");
            driver.findElement(By.id("tab-network")).click();
            assertTrue(driver.findElement(By.id("net-start")).isDisplayed());
        } finally {
            driver.get("about:blank");
        }
    }

    /**
     * The 2007 cells: choosing one switches the sliders to C, k, vr, vt, vpeak, a, b, c, d, V0
     * with units, the current to pA and the schemes to euler and rk4; its spikes are the engine's;
     * a slider move redraws; choosing a 2003 class switches back.
     */
    @Test
    void a2007CellSwitchesTheControlsAndASliderRedraws() throws Exception {
        driver.get(server.uri().toString());
        until(60, d -> renders() >= 1);
        int r0 = renders();
        Select preset = new Select(driver.findElement(By.id("preset")));
        List<String> groups = new ArrayList<>();
        for (WebElement g : driver.findElements(By.cssSelector("#preset optgroup"))) groups.add(g.getDomAttribute("label"));
        assertEquals(List.of("Izhikevich 2003 classes", "Izhikevich 2004 Fig. 1 panels A-T", NeuronApi.FAMILY_2007), groups);
        preset.selectByValue("izh2007/RS");
        until(30, x -> renders() > r0 && "izh2007".equals(attr("neuron-stats", "data-model")));

        List<String> sliders = new ArrayList<>();
        for (WebElement s : driver.findElements(By.cssSelector("#sliders input[type=range]"))) sliders.add(s.getDomAttribute("id"));
        assertEquals(List.of("s-C", "s-k", "s-vr", "s-vt", "s-vpeak", "s-a", "s-b", "s-c", "s-d", "s-v0", "s-dt", "s-duration"), sliders);
        assertEquals("100", driver.findElement(By.id("n-C")).getDomProperty("value"));
        assertTrue(driver.findElement(By.cssSelector("label[for=s-C]")).getText().contains("[pF]"));
        assertTrue(driver.findElement(By.cssSelector("label[for=s-k]")).getText().contains("[nS/mV]"));
        assertTrue(driver.findElement(By.cssSelector("label[for=s-d]")).getText().contains("[pA]"));
        List<String> schemes = new ArrayList<>();
        for (WebElement o : new Select(driver.findElement(By.id("scheme"))).getOptions()) schemes.add(o.getText());
        assertEquals(List.of("euler", "rk4"), schemes);
        assertEquals("euler", new Select(driver.findElement(By.id("scheme"))).getFirstSelectedOption().getText());
        assertTrue(driver.findElement(By.id("current-label")).getText().contains("[pA]"));
        assertEquals("100", driver.findElement(By.id("current")).getDomProperty("value"));
        assertTrue(driver.findElement(By.id("phase-t-out")).getText().contains("pA"), driver.findElement(By.id("phase-t-out")).getText());
        // the book's RS at 100 pA, as the engine runs it
        var rs = org.izhsim.model.Izhikevich2007Presets.byId("RS");
        int expected = org.izhsim.neuron.NeuronSimulator.run(org.izhsim.neuron.Neuron2007Setup.of(rs, 100)).spikeCount();
        assertEquals(String.valueOf(expected), attr("neuron-stats", "data-spikes"));
        screenshot("izh2007-rs");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(By.id("phase")));
        screenshot("izh2007-rs-phase");
        driver.executeScript("window.scrollTo(0, 0)");

        // move slider d (pA, step 1) with the keyboard: 100 -> 95, the trace changes
        String before = attr("neuron-stats", "data-v-sum");
        int r1 = renders();
        driver.findElement(By.id("s-d")).sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        until(30, x -> renders() > r1 && "95".equals(driver.findElement(By.id("n-d")).getDomProperty("value"))
                && !before.equals(attr("neuron-stats", "data-v-sum")));
        // vpeak too: the cut-off moves, so does the trace
        String mid = attr("neuron-stats", "data-v-sum");
        int r2 = renders();
        driver.findElement(By.id("s-vpeak")).sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        until(30, x -> renders() > r2 && "32".equals(driver.findElement(By.id("n-vpeak")).getDomProperty("value"))
                && !mid.equals(attr("neuron-stats", "data-v-sum")));

        // a cell with a rule and a sampled u-nullcline, and the F-I tab in pA
        preset.selectByValue("izh2007/FS");
        until(30, x -> "FS".equals(attr("neuron-stats", "data-label")));
        assertTrue(driver.findElement(By.id("u-null-label")).getText().contains("U(v)"));
        assertTrue(driver.findElement(By.id("preset-note")).getText().contains("Rule:"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(By.id("phase")));
        screenshot("izh2007-fs-phase");
        driver.executeScript("window.scrollTo(0, 0)");
        driver.findElement(By.id("tab-fi")).click();
        assertEquals("800", driver.findElement(By.id("fi-to")).getDomProperty("value"));
        driver.findElement(By.id("fi-run")).click();
        until(60, x -> driver.findElement(By.id("fi-stats")).getText().contains("41 currents"));
        screenshot("izh2007-fi");
        driver.findElement(By.id("tab-neuron")).click();

        // back to a 2003 class: its sliders, all four schemes, figure1 by default
        int r3 = renders();
        preset.selectByValue("izh2003/RS");
        until(30, x -> renders() > r3 && "izh2003".equals(attr("neuron-stats", "data-model")));
        assertEquals("figure1", new Select(driver.findElement(By.id("scheme"))).getFirstSelectedOption().getText());
        assertEquals(4, new Select(driver.findElement(By.id("scheme"))).getOptions().size());
        assertEquals("8", driver.findElement(By.id("n-d")).getDomProperty("value"));
        assertEquals(0, driver.findElements(By.id("s-C")).size());

        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) severe.add(e.getMessage());
        }
        assertEquals(List.of(), severe, "JavaScript console errors");
        assertEquals(List.of(), driver.executeScript("return window.__errors"), "uncaught errors in the page");
    }
}
