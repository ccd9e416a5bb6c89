package news.gazette.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test's application runs on a fresh, empty database of this kind, made when Spring starts the application.
 * Unlike a {@code @DynamicPropertySource} method in each test class, the annotation is the same for every class that
 * carries it, so test classes with the same configuration (usually the same base class) share one application, and
 * so one database, through Spring's test context cache. Use it for the parts of one contract split into several
 * classes, and for test classes that tolerate each other's data; see docs/development.md.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface SharedDatabase {

    TestDatabases.Kind value();

    /**
     * Keeps classes apart from others of the same configuration: only classes of one group share. The default group
     * is the configuration alone.
     */
    String group() default "";
}
