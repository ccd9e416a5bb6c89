package news.gazette.browser;

import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Cumulative layout shift as Chromium reports it: the page is loaded with the CPU slowed down (CDP
 * {@code Emulation.setCPUThrottlingRate}, as Lighthouse's mobile profile does), and once it has loaded, has run its
 * deferred script and has been quiet for a second, a {@code PerformanceObserver} reads every {@code layout-shift}
 * entry since navigation ({@code buffered: true}) and adds up those without recent input.
 */
final class LayoutShift {

    /** How long after the load event shifts are still counted; the page's own script has run by then. */
    static final int QUIET_MILLIS = 1500;

    private LayoutShift() {
    }

    static double measure(ChromeDriver driver, String url, int cpuSlowdown) {
        Browser.cdp(driver, "Emulation.setCPUThrottlingRate", Map.of("rate", cpuSlowdown));
        try {
            driver.get(url);
            Object value = driver.executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    var quiet = arguments[0];
                    function read() {
                      var total = 0;
                      var observer = new PerformanceObserver(function (list) {
                        list.getEntries().forEach(function (e) { if (!e.hadRecentInput) { total += e.value; } });
                      });
                      observer.observe({ type: 'layout-shift', buffered: true });
                      // Buffered entries arrive in the observer's first callback, queued as a task.
                      setTimeout(function () { observer.disconnect(); done(total); }, 50);
                    }
                    function afterLoad() { setTimeout(read, quiet); }
                    if (document.readyState === 'complete') { afterLoad(); } else { addEventListener('load', afterLoad); }
                    """, QUIET_MILLIS);
            return ((Number) value).doubleValue();
        } finally {
            Browser.cdp(driver, "Emulation.setCPUThrottlingRate", Map.of("rate", 1));
        }
    }
}
