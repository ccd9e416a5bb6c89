package news.gazette.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    @Override
    public List<Stored> list() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Stored> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (KEY.matcher(name).matches() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        found.add(new Stored(name, Files.getLastModifiedTime(file).toInstant()));
                    } catch (NoSuchFileException goneMeanwhile) {
                        // Deleted between listing and reading its time: nothing to sweep.
                    }
                }
            }
        }
        return found;
    }

    private Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a media key: " + key);
        }
        return folder.resolve(key);
    }
}
