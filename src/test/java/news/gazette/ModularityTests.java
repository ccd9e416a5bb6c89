package news.gazette;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The layers of ADR 23, checked: every module declares the modules it may use (Spring Modulith then fails the build on
 * any other import, and on cycles), and no module below the delivery layer uses a delivery module.
 */
class ModularityTests {

    /** Modules that answer requests or bring content in; nothing else may depend on them. */
    static final Set<String> DELIVERY = Set.of("reader", "newsroom", "api", "feed", "transfer", "demo");

    private static final ApplicationModules MODULES = ApplicationModules.of(GazetteApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void everyModuleDeclaresWhatItMayUse() throws IOException {
        List<String> undeclared = new ArrayList<>();
        try (Stream<Path> infos = Files.list(Path.of("src/main/java/news/gazette"))) {
            for (Path dir : infos.filter(Files::isDirectory).toList()) {
                Path info = dir.resolve("package-info.java");
                if (!Files.exists(info) || !Files.readString(info).contains("allowedDependencies")) {
                    undeclared.add(dir.getFileName().toString());
                }
            }
        }
        assertThat(undeclared).isEmpty();
    }

    @Test
    void domainModulesNeverUseDeliveryModules() {
        List<String> upward = new ArrayList<>();
        for (ApplicationModule module : MODULES) {
            if (DELIVERY.contains(module.getName())) {
                continue;
            }
            module.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName)
                    .filter(DELIVERY::contains).forEach(target -> upward.add(module.getName() + " -> " + target));
        }
        assertThat(upward).isEmpty();
    }

    @Test
    void deliveryModulesDoNotUseEachOther() {
        List<String> across = new ArrayList<>();
        for (ApplicationModule module : MODULES) {
            if (!DELIVERY.contains(module.getName())) {
                continue;
            }
            module.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName)
                    .filter(DELIVERY::contains).forEach(target -> across.add(module.getName() + " -> " + target));
        }
        assertThat(across).isEmpty();
    }
}
