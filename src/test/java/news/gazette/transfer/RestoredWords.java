package news.gazette.transfer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The desk's words (ADR 140) of a story in a restored database, read over its own connection. */
final class RestoredWords {

    private RestoredWords() {
    }

    /** The words of the story with the headline, in the database the {@code --spring.datasource.url=} argument names. */
    static List<String> of(String databaseArgument, String headline) {
        String url = databaseArgument.substring("--spring.datasource.url=".length());
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement statement = connection.prepareStatement("select w.word from story_words w"
                     + " join stories s on s.id = w.story_id where s.headline = ? order by w.word")) {
            statement.setString(1, headline);
            List<String> words = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    words.add(rows.getString(1));
                }
            }
            return words;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
