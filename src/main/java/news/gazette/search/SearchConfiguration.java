package news.gazette.search;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    SearchIndex searchIndex(@Value("${gazette.data-dir}") String dataDir, Editions editions) {
        Map<String, String> languages = new LinkedHashMap<>();
        for (Edition edition : editions.all()) {
            languages.put(edition.code(), edition.language());
        }
        return new SearchIndex(Path.of(dataDir).resolve("index"), languages);
    }

    @Bean
    IndexUpdates indexUpdates(SearchIndex index, StoryFeed feed) {
        return new IndexUpdates(index, feed);
    }
}
