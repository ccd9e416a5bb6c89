/**
 * Platform: what every part of Gazette leans on, one sub-package per theme:
 * <ul>
 * <li>{@code web}: URLs ({@code Permalinks}), templates, security headers and the filter chain's baseline, Tomcat's
 * limits, trusted proxies, the path the router matches, and the exceptions that become 400 and 404 pages;</li>
 * <li>{@code database}: knowing when the database is out, answering 503 meanwhile, and the embedded store's
 * liveness;</li>
 * <li>{@code text}: localized texts, slugs, and text that XML can carry;</li>
 * <li>{@code nodes}: this node's name, cluster locks, and the annotations that say whether an event is handled on
 * every node or once in the cluster.</li>
 * </ul>
 * This package itself holds the site's settings and the clock.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package news.gazette.platform;
