package news.gazette.transfer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Where an import finds the files its export refers to: a folder of uploads, or a zip of one. A zip is checked as a
 * whole before anything is read from it: paths that climb out or start at the root, links, too many entries and too
 * many bytes unpacked (counted as they are read, not as the archive claims) make it refused.
 */
abstract sealed class ImageSource implements Closeable permits ImageSource.None, ImageSource.Folder, ImageSource.Zip {

    /** Where an upload may sit inside the folder or archive, besides at its own path. */
    private static final List<String> PREFIXES = List.of("", "uploads/", "wp-content/uploads/", "images/",
            "content/images/");

    /** The bytes of the upload at this path inside the uploads, if the source holds it and it fits the limit. */
    abstract Optional<byte[]> read(String path);

    @Override
    public void close() {
    }

    static ImageSource none() {
        return new None();
    }

    /** A folder or zip at {@code path}; a zip is checked entry by entry now. */
    static ImageSource open(Path path, ImportLimits limits) {
        if (Files.isDirectory(path)) {
            return new Folder(path, limits);
        }
        if (!Files.isRegularFile(path)) {
            throw new ImportRefused("transfer.refused.images-missing", path.getFileName());
        }
        return new Zip(path, limits);
    }

    static boolean unsafe(String name) {
        String path = name.replace('\\', '/');
        return path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.contains("\0")
                || ("/" + path + "/").contains("/../");
    }

    /** No uploads given: every image is reported missing. */
    static final class None extends ImageSource {
        @Override
        Optional<byte[]> read(String path) {
            return Optional.empty();
        }
    }

    /** A folder on this machine; links inside it are not followed. */
    static final class Folder extends ImageSource {

        private final Path root;
        private final ImportLimits limits;

        Folder(Path root, ImportLimits limits) {
            try {
                this.root = root.toRealPath();
            } catch (IOException e) {
                throw new ImportRefused("transfer.refused.images-missing", root.getFileName());
            }
            this.limits = limits;
        }

        @Override
        Optional<byte[]> read(String path) {
            if (unsafe(path)) {
                return Optional.empty();
            }
            for (String prefix : PREFIXES) {
                Path file = root.resolve(prefix + path).normalize();
                try {
                    if (!file.startsWith(root)) {
                        continue;
                    }
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attributes.isRegularFile() && attributes.size() <= limits.maxImageBytes()
                            && file.toRealPath().startsWith(root)) {
                        return Optional.of(Files.readAllBytes(file));
                    }
                } catch (IOException absent) {
                    // Not under this prefix; the next one may hold it.
                }
            }
            return Optional.empty();
        }
    }

    /** A zip archive, checked in full when opened. */
    static final class Zip extends ImageSource {

        private final ZipFile zip;
        private final Map<String, ZipArchiveEntry> entries;
        private final ImportLimits limits;

        Zip(Path path, ImportLimits limits) {
            this.limits = limits;
            try {
                this.zip = ZipFile.builder().setPath(path).get();
            } catch (IOException | RuntimeException e) {
                throw new ImportRefused("transfer.refused.zip-unreadable", e);
            }
            try {
                this.entries = check();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private Map<String, ZipArchiveEntry> check() {
            Map<String, ZipArchiveEntry> found = new HashMap<>();
            long total = 0;
            int count = 0;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (++count > limits.maxEntries()) {
                    throw new ImportRefused("transfer.refused.zip-too-many", limits.maxEntries());
                }
                if (unsafe(entry.getName())) {
                    throw new ImportRefused("transfer.refused.zip-path", entry.getName());
                }
                if (entry.isUnixSymlink()) {
                    throw new ImportRefused("transfer.refused.zip-link", entry.getName());
                }
                if (entry.isDirectory()) {
                    continue;
                }
                total += unpackedSize(entry, limits.maxArchiveBytes() - total);
                found.put(entry.getName().replace('\\', '/'), entry);
            }
            return found;
        }

        /** Reads an entry through, counting; refuses the archive once the running total passes the limit. */
        private long unpackedSize(ZipArchiveEntry entry, long allowance) {
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = zip.getInputStream(entry)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    if (size > allowance) {
                        throw new ImportRefused("transfer.refused.zip-too-large", limits.maxArchiveBytes() / (1024 * 1024));
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof ImportRefused refused) {
                    throw refused;
                }
                throw new ImportRefused("transfer.refused.zip-unreadable", e);
            }
            return size;
        }

        @Override
        Optional<byte[]> read(String path) {
            for (String prefix : PREFIXES) {
                ZipArchiveEntry entry = entries.get(prefix + path);
                if (entry != null && entry.getSize() <= limits.maxImageBytes()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        byte[] bytes = in.readNBytes((int) limits.maxImageBytes() + 1);
                        return bytes.length > limits.maxImageBytes() ? Optional.empty() : Optional.of(bytes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return Optional.empty();
        }

        /** The names of every file in the archive, in order; the archive was checked whole when it was opened. */
        java.util.SortedSet<String> names() {
            return new java.util.TreeSet<>(entries.keySet());
        }

        /**
         * A stream of one file of the archive, or empty when it holds none of that name; the caller closes it. Only
         * what is read is in memory.
         */
        Optional<InputStream> stream(String name) {
            ZipArchiveEntry entry = entries.get(name);
            if (entry == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(zip.getInputStream(entry));
            } catch (IOException e) {
                throw new ImportRefused("transfer.refused.zip-unreadable", e);
            }
        }

        @Override
        public void close() {
            try {
                zip.close();
            } catch (IOException ignored) {
                // The archive was only read.
            }
        }
    }
}
