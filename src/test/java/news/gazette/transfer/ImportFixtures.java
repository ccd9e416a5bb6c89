package news.gazette.transfer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * The hand-written export files under {@code src/test/resources/transfer/}, and the uploads they refer to, made
 * fresh in a temporary folder for each test.
 */
final class ImportFixtures {

    static final String WORDPRESS = "wordpress-export.xml";
    static final String GHOST = "ghost-export.json";

    private ImportFixtures() {
    }

    static String text(String name) {
        try (InputStream in = ImportFixtures.class.getResourceAsStream("/transfer/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(Path folder, String name, String content) {
        try {
            Path file = folder.resolve(name);
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small picture in the given format ({@code jpg} or {@code png}). */
    static byte[] image(String format, Color colour) {
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 48, 32);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The WordPress uploads folder: the featured image of the first post. */
    static Path wordpressUploads(Path folder) {
        try {
            Path uploads = folder.resolve("uploads");
            Files.createDirectories(uploads.resolve("2024/03"));
            Files.write(uploads.resolve("2024/03/pier.jpg"), image("jpg", Color.BLUE));
            return uploads;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of named entries, written as given (no checks: tests use it for hostile archives too). */
    static Path zip(Path folder, String name, Map<String, byte[]> entries) {
        Path file = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
