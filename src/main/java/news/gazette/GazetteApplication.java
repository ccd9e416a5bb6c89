package news.gazette;

import news.gazette.transfer.TransferCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GazetteApplication {

    public static void main(String[] args) {
        if (TransferCommand.handles(args)) {
            System.exit(TransferCommand.run(GazetteApplication.class, args, System.out));
        }
        SpringApplication.run(GazetteApplication.class, args);
    }
}
