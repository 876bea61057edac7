package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.bootproxy.tftp.ExternalProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's {@code chromium} driven through {@code chromedriver} (packages chromium and
 * chromium-driver, installed by .ci/run), headless, while a simulated boot runs against a real serve on loopback (TFTP
 * with curl, HTTP as iPXE and the installer ask). It asserts on what the page shows as the boot goes on. Screenshots of
 * each step go to {@code target/dashboard-screenshots/}; the last one is kept as {@code target/dashboard.png} (CI's
 * artefact).
 */
class DashboardBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String WEB01_MAC = "52:54:00:00:01:01";
    static final Path SHOTS = Path.of("target", "dashboard-screenshots");

    @TempDir
    Path state;
    @TempDir
    Path tftpRoot;
    @TempDir
    Path assets;
    @TempDir
    Path profile;

    final HttpClient client = HttpClient.newHttpClient();
    RunningBootproxy app;
    WebDriver browser;
    int shot;

    @BeforeEach
    void start() throws Exception {
        assertThat(CHROMIUM).as("the dashboard test needs Debian's chromium at %s: apt-get install chromium chromium-driver"
                + " (.ci/run installs both)", CHROMIUM).isExecutable();
        assertThat(CHROMEDRIVER).as("the dashboard test needs chromedriver at %s: apt-get install chromium-driver"
                + " (.ci/run installs it)", CHROMEDRIVER).isExecutable();
        Files.writeString(tftpRoot.resolve("pxelinux.0"), "stand-in for pxelinux.0\n");
        Files.writeString(assets.resolve("vmlinuz"), "stand-in for a kernel\n");
        app = RunningBootproxy.onLoopback(Path.of("templates"), state, tftpRoot, "assets: " + assets);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1600,1100");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theDashboardFollowsABootFromTftpToBuiltAndShowsTheUnknownMachineAsAHostFile() throws Exception {
        browser.get(url("/ui/"));
        assertThat(text(By.id("ready-state"))).isEqualTo("ready");
        assertThat(stage("web01.example.com", "iPXE").getText()).isEqualTo("–");
        screenshot("before-boot");

        // firmware and pxelinux over TFTP, then iPXE asks for its script
        tftp("pxelinux.0");
        tftp("pxelinux.cfg/01-52-54-00-00-01-01");
        get("/unattended/iPXE?mac=" + WEB01_MAC);
        await(() -> stage("web01.example.com", "iPXE").getText().startsWith("ok"), "iPXE reached on the page");
        assertThat(stage("web01.example.com", "TFTP config").getText()).startsWith("ok");
        assertThat(stage("web01.example.com", "provision").getText()).isEqualTo("–");
        screenshot("ipxe");

        // the kernel from /pub/, the installer's kickstart, and its report
        get("/pub/vmlinuz");
        get("/unattended/provision?mac=" + WEB01_MAC);
        get("/unattended/built?mac=" + WEB01_MAC);
        await(() -> stage("web01.example.com", "result").getText().startsWith("built"), "built on the page");
        assertThat(stage("web01.example.com", "kernel").getText()).startsWith("ok");
        assertThat(stage("web01.example.com", "provision").getText()).startsWith("ok");
        screenshot("built");

        // a machine nobody knows; its serial tries to inject markup
        get("/unattended/iPXE?unknown=1&macs=52:54:00:aa:bb:01,52:54:00:aa:bb:02&bootif=52:54:00:aa:bb:02"
                + "&serial=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&manufacturer=QEMU&product=Standard%20PC&arch=i386&platform=pcbios",
                "192.0.2.77");
        await(() -> !browser.findElements(By.cssSelector("tr.machine[data-id='525400aabb01']")).isEmpty(),
                "the unknown machine on the page");
        WebElement machine = browser.findElement(By.cssSelector("tr.machine[data-id='525400aabb01']"));
        assertThat(machine.getText()).contains("<img src=x onerror=alert(1)>").contains("QEMU Standard PC")
                .contains("192.0.2.77").contains("unknown");
        assertThat(machine.findElements(By.tagName("img"))).as("markup from a machine is shown, never run").isEmpty();
        machine.findElement(By.tagName("summary")).click();
        WebElement snippet = machine.findElement(By.cssSelector("pre.snippet"));
        await(snippet::isDisplayed, "the host-file snippet opens");
        assertThat(snippet.getText()).contains("build: true").contains("- mac: \"52:54:00:aa:bb:01\"")
                .contains("- mac: \"52:54:00:aa:bb:02\"\n    provision: true");
        screenshot("discovered");

        // one machine's timeline, then a new event arriving while the page is open
        browser.get(url("/ui/mac/" + WEB01_MAC));
        List<String> rows = browser.findElements(By.cssSelector("tr.event")).stream().map(WebElement::getText).toList();
        assertThat(String.join("\n", rows)).contains("pxelinux.0 (by IP)").contains("ipxe/kickstart").contains("vmlinuz")
                .contains("provision/kickstart");
        get("/unattended/iPXE?mac=" + WEB01_MAC); // built now: local boot
        await(() -> browser.findElements(By.cssSelector("tr.event")).stream().anyMatch(r -> r.getText().contains("ipxe/localboot")),
                "the new event streamed onto the open page");
        screenshot("timeline-live");
    }

    private WebElement stage(String host, String stage) {
        return browser.findElement(By.cssSelector("tr.host[data-host='" + host + "'] td[data-stage='" + stage + "']"));
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + app.running.http().port() + path;
    }

    private void get(String path) throws Exception {
        get(path, null);
    }

    private void get(String path, String forwardedFor) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.http(path)).header("User-Agent", "iPXE/1.21.1");
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isBetween(200, 299);
    }

    private void tftp(String name) throws Exception {
        ExternalProcess run = app.tftpGet(name, Files.createTempFile(state, "tftp", ".out"));
        assertThat(run.exitCode()).as("curl tftp %s: %s", name, run.output()).isZero();
    }

    /** Waits (the page refreshes itself every 2 s) up to 20 s. */
    private void await(java.util.function.BooleanSupplier condition, String what) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(what).ignoring(RuntimeException.class)
                .until(d -> condition.getAsBoolean());
    }

    private void screenshot(String name) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = SHOTS.resolve(String.format("%02d-%s.png", ++shot, name));
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(png.toPath(), Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
