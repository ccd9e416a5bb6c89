package news.gazette.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps media files in a folder outside the application (under the data directory). A file is written to a
 * temporary name and moved into place, so readers never see half a file.
 */
final class LocalMediaStore implements MediaStore {

    /** Keys are file names the library makes; anything else (a slash, "..") could leave the folder. */
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,190}");

    private final Path folder;

    LocalMediaStore(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        Path target = path(key);
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "upload", ".tmp");
        try {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<InputStream> get(String key) throws IOException {
        try {
            return Optional.of(Files.newInputStream(path(key)));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    private Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a media key: " + key);
        }
        return folder.resolve(key);
    }
}
