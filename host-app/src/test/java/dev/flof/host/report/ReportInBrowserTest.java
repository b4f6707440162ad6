package dev.flof.host.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in a real headless Chromium (Debian's {@code chromium}, which .ci/run installs): the
 * page must load without errors and both chart canvases must have been drawn on. The page records script
 * errors and how many canvas pixels were inked into attributes of its body; Chromium dumps the DOM after
 * the scripts ran.
 */
class ReportInBrowserTest {
    static Path chromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        throw new IllegalStateException("this test needs a headless Chromium: apt-get install chromium (.ci/run installs it)");
    }

    @Test
    void theReportLoadsWithoutErrorsAndDrawsItsCharts(@TempDir Path dir) throws Exception {
        ReportWriter.write(ReportFixtures.data(), dir);
        Path profile = Files.createDirectories(dir.resolve("profile"));
        ProcessBuilder pb = new ProcessBuilder(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--window-size=1400,2000",
                "--enable-logging=stderr", "--dump-dom", dir.resolve("report.html").toUri().toString());
        pb.redirectError(dir.resolve("chromium.log").toFile());
        Process p = pb.start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        String log = Files.readString(dir.resolve("chromium.log"));
        assertTrue(dom.contains("data-errors"), "the page's script ran to the end; chromium log:\n" + tail(log));
        assertEquals("[]", attr(dom, "data-errors").replace("&quot;", "\""), "no script or console errors");
        assertTrue(Long.parseLong(attr(dom, "data-price-inked")) > 10_000, "candlestick canvas drawn");
        assertTrue(Long.parseLong(attr(dom, "data-equity-inked")) > 1_000, "equity canvas drawn");
        assertTrue(!log.contains("Uncaught"), "no uncaught errors in the console:\n" + tail(log));
    }

    static String attr(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), name + " missing");
        return m.group(1);
    }

    static String tail(String log) {
        return log.length() > 3000 ? log.substring(log.length() - 3000) : log;
    }
}
