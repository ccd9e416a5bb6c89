package news.gazette.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The newsroom's images: uploads checked and re-encoded by {@link ImageIntake}, their files (original and
 * {@code srcset} variants) in the {@link MediaStore}, what they show in the database. File names are the hash of the
 * stored pixels, so an address never changes what it shows and uploading the same picture twice finds the first.
 */
@Component
public class MediaLibrary {

    public static final int PAGE_SIZE = 24;

    static final Pattern FILE_NAME = Pattern.compile("([a-z0-9][a-z0-9._-]{0,180}?)(?:-([0-9]{2,5})w)?\\.(png|jpg|webp|gif)");

    private final JdbcClient jdbc;
    private final MediaStore store;
    private final ImageIntake intake;
    private final DrawnImages drawn;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MediaLibrary(JdbcClient jdbc, MediaStore store, MediaProperties properties, DrawnImages drawn,
                 TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.intake = new ImageIntake(properties);
        this.drawn = drawn;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What an image shows; any part may be blank. */
    public record Details(String alt, String caption, String credit) {

        public static final Details NONE = new Details(null, null, null);
    }

    /** One page of the library, newest first; {@code next} is the next page's number or {@code null}. */
    public record Page(List<Media> items, Integer next) {
    }

    /** A stored file ready to stream to a reader. */
    public record File(String contentType, InputStream content) {
    }

    /**
     * Checks, re-encodes and stores an upload with its variants. The same pixels uploaded again give back the
     * image already stored.
     *
     * @throws MediaRefusedException when the upload is not an image the library takes; nothing is stored then
     */
    public Media upload(String originalName, InputStream content, String uploadedBy, Details details)
            throws MediaRefusedException {
        return keep(intake.take(content), originalName, uploadedBy, details);
    }

    /** Stores an image Gazette drew itself, with its variants. */
    public Media storeDrawn(String originalName, BufferedImage image, String uploadedBy, Details details) {
        return keep(drawn.processed(image, intake::drawn), originalName, uploadedBy, details);
    }

    private Media keep(ImageIntake.Processed image, String originalName, String uploadedBy, Details details) {
        String fileName = sha256(image.original()) + "." + image.extension();
        Optional<Media> same = byFileName(fileName);
        if (same.isPresent()) {
            return same.get();
        }
        List<String> written = new ArrayList<>();
        try {
            for (var variant : image.variants().entrySet()) {
                String key = Media.variantName(fileName, variant.getKey());
                put(key, variant.getValue(), image.contentType());
                written.add(key);
            }
            put(fileName, image.original(), image.contentType());
            written.add(fileName);
            return insert(image, fileName, clean(originalName, 255), uploadedBy, details);
        } catch (DuplicateKeyException sameAtOnce) {
            // The same picture was uploaded twice at once; the files are the same bytes, the first row stands.
            return byFileName(fileName).orElseThrow(() -> sameAtOnce);
        } catch (RuntimeException e) {
            written.forEach(this::deleteQuietly);
            throw e;
        }
    }

    private Media insert(ImageIntake.Processed image, String fileName, String originalName, String uploadedBy,
                         Details d) {
        var keys = new GeneratedKeyHolder();
        String widths = image.variants().keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.sql("""
                        insert into media (file_name, content_type, width, height, created_at, alt_text, caption, credit,
                        uploaded_by, original_name, variant_widths, byte_size) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(fileName, image.contentType(), image.width(), image.height(), OffsetDateTime.now(clock),
                        clean(d.alt(), 500), clean(d.caption(), 500), clean(d.credit(), 200), uploadedBy, originalName,
                        widths, image.original().length)
                .update(keys, "id");
        return byId(keys.getKey().longValue()).orElseThrow();
    }

    public Optional<Media> byId(long id) {
        return jdbc.sql("select * from media where id = ?").param(id).query(MediaLibrary::row).optional();
    }

    /**
     * The image, if it may be placed in a story: it exists and has alt text. The story editor asks this before
     * accepting an image and refuses otherwise.
     */
    public Optional<Media> usable(long id) {
        return byId(id).filter(Media::usable);
    }

    public Map<Long, Media> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from media where id in (:ids)").param("ids", ids).query(MediaLibrary::row).list()
                .stream().collect(Collectors.toMap(Media::id, Function.identity()));
    }

    /** The newest image stored under this original file name (an import names images by their content). */
    public Optional<Media> byOriginalName(String originalName) {
        return jdbc.sql("select * from media where original_name = ? order by id desc").param(originalName)
                .query(MediaLibrary::row).stream().findFirst();
    }

    /**
     * Deletes the files of an image whose database row was rolled back (an import that failed after storing it).
     * Files a row still names are left alone: the same picture may have been in the library before.
     */
    public void discardFiles(Media media) {
        if (byFileName(media.fileName()).isPresent()) {
            return;
        }
        media.variantWidths().forEach(width -> deleteQuietly(media.variantFileName(width)));
        deleteQuietly(media.fileName());
    }

    /** The newest images that may be placed in a story (they have alt text), for the story editor's choice. */
    public List<Media> recentUsable(int limit) {
        return jdbc.sql("select * from media where alt_text is not null and alt_text <> '' order by id desc limit ?")
                .param(limit).query(MediaLibrary::row).list();
    }

    ImageIntake intake() {
        return intake;
    }

    public Optional<Media> byFileName(String fileName) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select * from media where file_name = ?").param(fileName).query(MediaLibrary::row).optional();
    }

    /**
     * The file of an original or one of its variants, by its public name; only names the database knows are read,
     * so a name cannot reach anything else in the store.
     */
    public Optional<File> open(String fileName) {
        Matcher m = fileName == null ? null : FILE_NAME.matcher(fileName);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        Optional<Media> media = byFileName(m.group(1) + "." + m.group(3))
                .filter(original -> m.group(2) == null || original.variantWidths().contains(Integer.parseInt(m.group(2))));
        if (media.isEmpty() && m.group(2) != null) {
            // An original whose own name ends like a variant's ("…-1200w.jpg"), from before names were hashes.
            media = byFileName(fileName);
        }
        if (media.isEmpty()) {
            return Optional.empty();
        }
        String contentType = media.get().contentType();
        try {
            return store.get(fileName).map(in -> new File(contentType, in));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + fileName, e);
        }
    }

    /**
     * Searches by words ({@link MediaWords}); newest first.
     *
     * @param withoutAlt whether images without alt text are listed too
     */
    public Page search(String query, int page, boolean withoutAlt) {
        StringBuilder sql = new StringBuilder("select * from media where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!withoutAlt) {
            sql.append(" and alt_text is not null and alt_text <> ''");
        }
        MediaWords.narrow(sql, params, query, "");
        sql.append(" order by created_at desc, id desc limit ? offset ?");
        params.add(PAGE_SIZE + 1);
        params.add((long) Math.max(0, page - 1) * PAGE_SIZE);
        List<Media> found = jdbc.sql(sql.toString()).params(params).query(MediaLibrary::row).list();
        boolean more = found.size() > PAGE_SIZE;
        return new Page(more ? found.subList(0, PAGE_SIZE) : found, more ? page + 1 : null);
    }

    /**
     * Changes what an image shows. Its uploader may, and so may editors and admins ({@code mayEditAny}).
     *
     * @throws SecurityException when someone else's image is not theirs to describe
     */
    public Optional<Media> describe(long id, Details details, String who, boolean mayEditAny) {
        return transactions.execute(status -> {
            Optional<Media> media = byId(id);
            if (media.isEmpty()) {
                return media;
            }
            if (!mayEditAny && !who.equals(media.get().uploadedBy())) {
                throw new SecurityException(who + " may not describe media " + id);
            }
            jdbc.sql("update media set alt_text = ?, caption = ?, credit = ? where id = ?")
                    .params(clean(details.alt(), 500), clean(details.caption(), 500), clean(details.credit(), 200), id)
                    .update();
            return byId(id);
        });
    }

    private void put(String key, byte[] bytes, String contentType) {
        try {
            store.put(key, new ByteArrayInputStream(bytes), bytes.length, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + key, e);
        }
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            // The database never named the file, so nothing serves it; the upload's own error is the one to report.
        }
    }

    private static String clean(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Media row(ResultSet rs, int n) throws SQLException {
        String widths = rs.getString("variant_widths");
        List<Integer> variantWidths = widths == null || widths.isBlank() ? List.of()
                : Arrays.stream(widths.split(",")).map(Integer::valueOf).sorted().toList();
        OffsetDateTime at = rs.getObject("created_at", OffsetDateTime.class);
        return new Media(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"), rs.getInt("width"),
                rs.getInt("height"), rs.getString("alt_text"), rs.getString("caption"), rs.getString("credit"),
                rs.getString("uploaded_by"), at == null ? null : at.toInstant(), rs.getString("original_name"),
                variantWidths, rs.getLong("byte_size"));
    }
}
