package news.gazette;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GazetteApplication {

    public static void main(String[] args) {
        SpringApplication.run(GazetteApplication.class, args);
    }
}
