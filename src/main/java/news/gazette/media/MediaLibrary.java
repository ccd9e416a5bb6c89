package news.gazette.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Keeps image files in a folder under the data directory and their metadata in the database.
 */
@Component
public class MediaLibrary {

    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,190}\\.(png|jpg|webp|gif)");

    private static final RowMapper<Media> ROW = (rs, n) -> new Media(rs.getLong("id"), rs.getString("file_name"),
            rs.getString("content_type"), rs.getInt("width"), rs.getInt("height"));

    private final JdbcClient jdbc;
    private final Path folder;
    private final Clock clock;

    MediaLibrary(JdbcClient jdbc, @Value("${gazette.data-dir}") Path dataDir, Clock clock) {
        this.jdbc = jdbc;
        this.folder = dataDir.resolve("media").toAbsolutePath().normalize();
        this.clock = clock;
    }

    /**
     * Stores a file under the given name; the name must be new.
     */
    public Media store(String fileName, String contentType, int width, int height, byte[] bytes) {
        if (!FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("Not a valid media file name: " + fileName);
        }
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, "upload", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, folder.resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + fileName, e);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into media (file_name, content_type, width, height, created_at) values (?, ?, ?, ?, ?)")
                .params(fileName, contentType, width, height, OffsetDateTime.now(clock))
                .update(keys, "id");
        return new Media(keys.getKey().longValue(), fileName, contentType, width, height);
    }

    public Optional<Media> byId(long id) {
        return jdbc.sql("select * from media where id = ?").param(id).query(ROW).optional();
    }

    public Map<Long, Media> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from media where id in (:ids)").param("ids", ids).query(ROW).list().stream()
                .collect(Collectors.toMap(Media::id, Function.identity()));
    }

    /** The newest stored images, for choosing one in the story editor. */
    public java.util.List<Media> recent(int limit) {
        return jdbc.sql("select * from media order by id desc limit ?").param(limit).query(ROW).list();
    }

    public Optional<Media> byFileName(String fileName) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select * from media where file_name = ?").param(fileName).query(ROW).optional();
    }

    /**
     * The file of a stored image; the name has been checked against the database, so it cannot leave the folder.
     */
    public Optional<Path> file(Media media) {
        Path path = folder.resolve(media.fileName()).normalize();
        return path.startsWith(folder) && Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }
}
