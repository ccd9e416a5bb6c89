package news.gazette.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Prints H2's plan and its row counts for desk queries ({@code EXPLAIN ANALYZE}) on the data folder {@link DeskBench}
 * used, after it stopped: {@code DeskExplain <data dir> "<select …>" …}. For finding why a desk address is slow.
 */
public final class DeskExplain {

    private DeskExplain() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + args[0] + "/db/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            for (int i = 1; i < args.length; i++) {
                long start = System.nanoTime();
                try (ResultSet plan = statement.executeQuery("explain analyze " + args[i])) {
                    while (plan.next()) {
                        System.out.println(plan.getString(1));
                    }
                }
                System.out.printf("-- %.1f ms%n%n", (System.nanoTime() - start) / 1e6);
            }
        }
    }
}
