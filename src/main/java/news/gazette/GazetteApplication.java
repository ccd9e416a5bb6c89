package news.gazette;

import news.gazette.transfer.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GazetteApplication {

    public static void main(String[] args) {
        if (ImportCommand.handles(args)) {
            System.exit(ImportCommand.run(GazetteApplication.class, args, System.out));
        }
        SpringApplication.run(GazetteApplication.class, args);
    }
}
