package news.gazette.transfer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * {@code import wordpress FILE --edition CODE [--uploads FOLDER|ZIP] [--pages]} and
 * {@code import ghost FILE --edition CODE [--images FOLDER|ZIP] [--pages]}: runs Gazette without its web server,
 * imports, prints the report and ends with status 0, or 1 when the import was refused or the arguments are wrong.
 * {@code export FILE} writes the whole archive to one zip, {@code restore FILE} reads one into an empty instance
 * ({@link Archives}). Other {@code --name=value} arguments are Spring properties ({@code --gazette.data-dir=…}). Demo content is never
 * loaded by an import.
 */
public final class TransferCommand {

    private TransferCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && List.of("import", "export", "restore").contains(args[0]);
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Locale locale = Locale.forLanguageTag(option(args, "--language", "en"));
        ImportRequest request = null;
        List<String> properties = new ArrayList<>();
        boolean archive = !"import".equals(args[0]);
        try {
            if (archive) {
                archiveArguments(args, properties);
            } else {
                request = request(args, properties);
            }
        } catch (ImportRefused refused) {
            out.println(messages.getMessage(refused.key(), refused.args(), locale));
            out.println(messages.getMessage("transfer.command.usage", null, locale));
            return 1;
        }
        properties.add("--gazette.demo-content=false");
        properties.add("--spring.main.banner-mode=off");
        // Only what the import needs is built; the web screens and their dependencies stay out of a command run.
        properties.add("--spring.main.lazy-initialization=true");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).run(properties.toArray(String[]::new));
        try {
            if (archive) {
                Archives archives = context.getBean(Archives.class);
                Path file = Path.of(args[1]);
                if ("export".equals(args[0])) {
                    archives.export(file);
                    out.println(messages.getMessage("transfer.command.exported", new Object[]{file}, locale));
                } else {
                    var counts = archives.restore(file);
                    out.println(messages.getMessage("transfer.command.restored", new Object[]{file, counts}, locale));
                }
                return 0;
            }
            ImportReport report = context.getBean(Importer.class).run(request);
            report.lines(messages, locale).forEach(out::println);
            return 0;
        } catch (ImportRefused refused) {
            out.println(messages.getMessage("transfer.report.refused",
                    new Object[]{messages.getMessage(refused.key(), refused.args(), locale)}, locale));
            return 1;
        } finally {
            SpringApplication.exit(context);
        }
    }

    /** {@code export FILE} and {@code restore FILE}, with Spring properties after the file. */
    private static void archiveArguments(String[] args, List<String> properties) {
        if (args.length < 2) {
            throw new ImportRefused("transfer.refused.format", args[0]);
        }
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--language")) {
                i++;
            } else if (args[i].startsWith("--") && args[i].contains("=")) {
                properties.add(args[i]);
            } else {
                throw new ImportRefused("transfer.refused.format", args[i]);
            }
        }
    }

    private static ImportRequest request(String[] args, List<String> properties) {
        if (args.length < 3) {
            throw new ImportRefused("transfer.refused.format", args.length > 1 ? args[1] : "");
        }
        ImportFormat format = ImportFormat.of(args[1])
                .orElseThrow(() -> new ImportRefused("transfer.refused.format", args[1]));
        String edition = null;
        Path images = null;
        boolean pages = false;
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--edition" -> edition = value(args, ++i);
                case "--uploads", "--images" -> images = Path.of(value(args, ++i));
                case "--language" -> i++;
                case "--pages" -> pages = true;
                default -> {
                    if (!args[i].startsWith("--") || !args[i].contains("=")) {
                        throw new ImportRefused("transfer.refused.format", args[i]);
                    }
                    properties.add(args[i]);
                }
            }
        }
        if (edition == null) {
            throw new ImportRefused("transfer.refused.edition", "");
        }
        return new ImportRequest(format, edition, Path.of(args[2]), images, pages);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new ImportRefused("transfer.refused.format", args[i - 1]);
        }
        return args[i];
    }

    private static String option(String[] args, String name, String otherwise) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }
}
