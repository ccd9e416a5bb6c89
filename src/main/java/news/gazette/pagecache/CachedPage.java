package news.gazette.pagecache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.springframework.http.HttpHeaders;

/**
 * One rendered page, kept both as sent and gzip-compressed, with its validators and the headers to repeat.
 * <p>
 * Everything a hit sends that does not change from one request to the next is worked out once, when the page is
 * kept: the joined tag headers, and for each encoding the whole header block of a {@code 200} as ISO-8859-1 bytes
 * ({@link #head}), which {@link PageCacheValve} hands to Tomcat as they are.
 *
 * @param headers      name and value pairs the page was answered with (security headers and the like)
 * @param cacheControl the {@code Cache-Control} every answer from the cache carries
 * @param keptAt       {@link System#nanoTime()} when the page was made, from which its freshness is judged
 */
record CachedPage(String contentType, byte[] body, byte[] gzipped, String etag, String gzipEtag, long lastModified,
                  String httpDate, List<String> tags, List<String[]> headers, String cacheControl, String cacheTag,
                  String surrogateKey, long keptAt, Head plainHead, Head gzipHead) {

    static final String X_CACHE = "X-Cache";
    static final String SURROGATE_KEY = "Surrogate-Key";

    static CachedPage of(String contentType, byte[] body, long renderedAt, List<String> tags, List<String[]> headers,
                         String cacheControl) {
        String hash = hash(body);
        long seconds = renderedAt / 1000 * 1000;
        String etag = "\"" + hash + "\"";
        String gzipEtag = "\"" + hash + "-gz\"";
        String httpDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(seconds).atOffset(ZoneOffset.UTC));
        byte[] gzipped = gzip(body);
        String cacheTag = String.join(",", tags);
        String surrogateKey = String.join(" ", tags);
        List<String[]> kept = List.copyOf(headers);
        return new CachedPage(contentType, body, gzipped, etag, gzipEtag, seconds, httpDate, List.copyOf(tags), kept,
                cacheControl, cacheTag, surrogateKey, System.nanoTime(),
                Head.of(kept, own(cacheControl, httpDate, cacheTag, surrogateKey, etag, "HIT"), contentType, null,
                        body.length),
                Head.of(kept, own(cacheControl, httpDate, cacheTag, surrogateKey, gzipEtag, "HIT"), contentType, "gzip",
                        gzipped.length));
    }

    /**
     * The headers the cache itself adds to the page's own on every answer, whichever path sends it
     * ({@link PageCacheFilter#answer} or the prepared {@link Head}); {@code outcome} is {@code X-Cache}'s value.
     */
    List<String[]> ownHeaders(boolean gzip, String outcome) {
        return own(cacheControl, httpDate, cacheTag, surrogateKey, gzip ? gzipEtag : etag, outcome);
    }

    private static List<String[]> own(String cacheControl, String httpDate, String cacheTag, String surrogateKey,
                                      String etag, String outcome) {
        return List.of(new String[]{HttpHeaders.CACHE_CONTROL, cacheControl},
                new String[]{HttpHeaders.VARY, "Accept-Encoding"},
                new String[]{HttpHeaders.ETAG, etag},
                new String[]{HttpHeaders.LAST_MODIFIED, httpDate},
                new String[]{X_CACHE, outcome},
                new String[]{CacheTags.HEADER, cacheTag},
                new String[]{SURROGATE_KEY, surrogateKey});
    }

    /**
     * The header block of a {@code 200} answered from the cache in one encoding, name and value as ISO-8859-1 bytes,
     * {@code Date} excepted (it changes every second).
     */
    record Head(byte[][] names, byte[][] values) {

        static Head of(List<String[]> page, List<String[]> own, String contentType, String contentEncoding,
                       int length) {
            List<String[]> all = new ArrayList<>(page);
            all.addAll(own);
            all.add(new String[]{HttpHeaders.CONTENT_TYPE, contentType});
            if (contentEncoding != null) {
                all.add(new String[]{HttpHeaders.CONTENT_ENCODING, contentEncoding});
            }
            all.add(new String[]{HttpHeaders.CONTENT_LENGTH, Integer.toString(length)});
            byte[][] names = new byte[all.size()][];
            byte[][] values = new byte[all.size()][];
            for (int i = 0; i < all.size(); i++) {
                names[i] = all.get(i)[0].getBytes(StandardCharsets.ISO_8859_1);
                values[i] = all.get(i)[1].getBytes(StandardCharsets.ISO_8859_1);
            }
            return new Head(names, values);
        }

        int weight() {
            int weight = 0;
            for (int i = 0; i < names.length; i++) {
                weight += names[i].length + values[i].length + 32;
            }
            return weight;
        }
    }

    /** Whether the page was made less than {@code freshNanos} ago. */
    boolean freshAt(long nanoTime, long freshNanos) {
        return nanoTime - keptAt < freshNanos;
    }

    Head head(boolean gzip) {
        return gzip ? gzipHead : plainHead;
    }

    /** Bytes this page takes in memory, roughly. */
    int weight() {
        int weight = body.length + gzipped.length + 256 + plainHead.weight() + gzipHead.weight();
        for (String[] header : headers) {
            weight += 2 * (header[0].length() + header[1].length()) + 32;
        }
        return weight;
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "CachedPage[" + etag + ", " + body.length + " bytes, tags=" + tags + "]";
    }
}
