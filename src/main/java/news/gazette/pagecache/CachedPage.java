package news.gazette.pagecache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One rendered page, kept both as sent and gzip-compressed, with its validators and the headers to repeat.
 *
 * @param headers name and value pairs the page was answered with (security headers and the like)
 */
record CachedPage(String contentType, byte[] body, byte[] gzipped, String etag, String gzipEtag, long lastModified,
                  String httpDate, List<String> tags, List<String[]> headers) {

    static CachedPage of(String contentType, byte[] body, long renderedAt, List<String> tags, List<String[]> headers) {
        String hash = hash(body);
        long seconds = renderedAt / 1000 * 1000;
        return new CachedPage(contentType, body, gzip(body), "\"" + hash + "\"", "\"" + hash + "-gz\"", seconds,
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.Instant.ofEpochMilli(seconds).atOffset(java.time.ZoneOffset.UTC)), List.copyOf(tags), List.copyOf(headers));
    }

    /** Bytes this page takes in memory, roughly. */
    int weight() {
        int weight = body.length + gzipped.length + 256;
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
