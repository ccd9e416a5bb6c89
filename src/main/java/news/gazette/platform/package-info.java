/**
 * Platform: what every part of Gazette leans on (URLs, security headers, errors, time, text utilities).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package news.gazette.platform;
