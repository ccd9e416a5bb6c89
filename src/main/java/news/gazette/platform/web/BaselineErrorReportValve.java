package news.gazette.platform.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error report (the {@code 400} for a request line or header it cannot parse, answered before any
 * filter runs) with the security baseline of every other answer: no sniffing, no framing, the Content-Security-Policy
 * (which also keeps the report's inline style from applying), the referrer policy. A header the answer already
 * carries (the sandboxing policy of {@code /media/}, say) is kept. No server version and no report details, as Spring
 * Boot configures it with {@code server.error.include-stacktrace: never}.
 */
public final class BaselineErrorReportValve extends ErrorReportValve {

    public BaselineErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    /**
     * Makes this valve the error report valve of the context's host, replacing any other (the one Spring Boot adds, or
     * the one the host would add when starting), once every customizer has run.
     */
    static void replaceIn(Container host) {
        host.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof BaselineErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(BaselineErrorReportValve.class.getName());
                }
            }
        });
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        // The same conditions under which the report is written at all.
        if (response.getStatus() >= 400 && response.getContentWritten() == 0 && !response.isCommitted()) {
            SecurityConfiguration.baseline(request.isSecure()).forEach((name, value) -> {
                if (!response.containsHeader(name)) {
                    response.setHeader(name, value);
                }
            });
        }
        super.report(request, response, throwable);
    }
}
