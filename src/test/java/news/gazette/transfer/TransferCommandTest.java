package news.gazette.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import news.gazette.GazetteApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import wordpress FILE --edition en …} as a command: Gazette runs without its web server, prints the report
 * and ends with 0, or 1 with the reason when the import is refused or the arguments are wrong.
 */
class TransferCommandTest {

    @TempDir Path temp;

    private record Run(int status, String output) {
    }

    private Run command(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = TransferCommand.run(GazetteApplication.class, args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void importsPrintsTheReportAndImportsNothingTwice() {
        String database = "--spring.datasource.url=jdbc:h2:mem:command" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Path file = ImportFixtures.file(temp, "export.xml", ImportFixtures.text(ImportFixtures.WORDPRESS));
        String[] args = {"import", "wordpress", file.toString(), "--edition", "en", "--uploads",
                ImportFixtures.wordpressUploads(temp).toString(), "--pages", database, "--gazette.data-dir=" + temp};

        Run first = command(args);
        assertThat(first.status()).isZero();
        assertThat(first.output()).contains("Stories: 3 imported, 0 updated, 0 unchanged, 2 skipped",
                "Pages: 1 imported", "Images: 1 imported", "its status “private” is not imported");

        Run second = command(args);
        assertThat(second.status()).isZero();
        assertThat(second.output()).contains("Stories: 0 imported, 0 updated, 3 unchanged, 2 skipped",
                "Images: 0 imported, 0 updated, 1 unchanged");
    }

    @Test
    void aRefusedFileEndsWithStatusOneAndTheReason() {
        String database = "--spring.datasource.url=jdbc:h2:mem:command" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Path file = ImportFixtures.file(temp, "cut.json", "{\"db\": [{\"data\": {\"posts\": [");
        Run run = command("import", "ghost", file.toString(), "--edition", "en", "--language", "ru", database,
                "--gazette.data-dir=" + temp);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("Импорт отклонён, ничего не изменено", "не является корректным JSON");
    }

    @Test
    void wrongArgumentsShowTheUsageWithoutStartingGazette() {
        Run run = command("import", "blogger", "export.xml", "--edition", "en");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("Unknown source “blogger”", "Usage: import wordpress FILE --edition CODE");
        assertThat(command("import", "wordpress", "export.xml").output()).contains("There is no edition");
    }
}
