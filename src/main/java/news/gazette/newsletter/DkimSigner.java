package news.gazette.newsletter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DKIM signatures (RFC 6376): {@code rsa-sha256}, relaxed canonicalization of header and body, over the headers a
 * mailbox provider looks at. The key is an RSA key in a PKCS#8 PEM file; the DNS record to publish is derived from it.
 */
final class DkimSigner {

    /** Headers signed when present, each once (a second one added later would then break the signature). */
    static final List<String> SIGNED = List.of("from", "to", "subject", "date", "message-id", "mime-version",
            "content-type", "list-id", "list-unsubscribe", "list-unsubscribe-post", "reply-to");

    private final PrivateKey key;
    private final String publicKey;
    private final String domain;
    private final String selector;
    /** One signature object per thread, initialized with the key once; each sign() leaves it ready for the next. */
    private final ThreadLocal<Signature> signatures = ThreadLocal.withInitial(this::newSignature);

    DkimSigner(Path pem, String domain, String selector) {
        try {
            String text = Files.readString(pem, StandardCharsets.US_ASCII);
            if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalStateException("The DKIM key " + pem + " is not a PKCS#8 PEM file (BEGIN PRIVATE KEY); "
                        + "convert it with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem");
            }
            String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            this.key = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
            this.publicKey = Base64.getEncoder().encodeToString(rsa.generatePublic(
                    new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())).getEncoded());
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("Could not read the DKIM key " + pem + ": " + e.getMessage(), e);
        }
        this.domain = domain;
        this.selector = selector;
    }

    /** Where the record goes: {@code <selector>._domainkey.<domain>}. */
    String recordName() {
        return selector + "._domainkey." + domain;
    }

    /** The TXT record to publish there. */
    String record() {
        return "v=DKIM1; k=rsa; p=" + publicKey;
    }

    /**
     * The message with a {@code DKIM-Signature} header in front. {@code message} is the whole message as it will be
     * sent (CRLF line ends); nothing in it may change afterwards.
     */
    byte[] sign(byte[] message, long timestamp) {
        int split = bodyStart(message);
        List<String> fields = fields(new String(message, 0, split, StandardCharsets.ISO_8859_1));
        List<String> names = new ArrayList<>();
        StringBuilder signedHeaders = new StringBuilder();
        Set<String> wanted = Set.copyOf(SIGNED);
        for (String field : fields) {
            String name = field.substring(0, Math.max(0, field.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
            if (wanted.contains(name) && !names.contains(name)) {
                names.add(name);
                signedHeaders.append(relaxedHeader(field)).append("\r\n");
            }
        }
        String value = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector + "; t=" + timestamp
                + "; h=" + String.join(":", names) + "; bh=" + bodyHash(message, split) + "; b=";
        try {
            Signature rsa = signatures.get();
            rsa.update(signedHeaders.toString().getBytes(StandardCharsets.ISO_8859_1));
            rsa.update(relaxedHeader("DKIM-Signature: " + value).getBytes(StandardCharsets.ISO_8859_1));
            String b = Base64.getEncoder().encodeToString(rsa.sign());
            ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 600);
            out.writeBytes(("DKIM-Signature: " + fold(value + b) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(message);
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            signatures.remove();
            throw new IllegalStateException("Could not sign with the DKIM key", e);
        }
    }

    private Signature newSignature() {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            return rsa;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not use the DKIM key", e);
        }
    }

    /** Index of the first byte of the body: after the first empty line. */
    private static int bodyStart(byte[] message) {
        for (int i = 0; i + 3 < message.length; i++) {
            if (message[i] == '\r' && message[i + 1] == '\n' && message[i + 2] == '\r' && message[i + 3] == '\n') {
                return i + 4;
            }
        }
        return message.length;
    }

    /** Header fields, each with its continuation lines. */
    private static List<String> fields(String headers) {
        List<String> fields = new ArrayList<>();
        for (String line : headers.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            } else {
                fields.add(line);
            }
        }
        return fields;
    }

    /** RFC 6376 3.4.2: name in lower case, value unfolded, runs of blanks as one space, none at the ends. */
    static String relaxedHeader(String field) {
        int colon = field.indexOf(':');
        String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        return name + ":" + value;
    }

    /** RFC 6376 3.4.4 and 3.7: blanks collapsed, none at line ends, no empty lines at the end; SHA-256, Base64. */
    static String bodyHash(byte[] body) {
        return bodyHash(body, 0);
    }

    /** The body hash of {@code message} from {@code from} on, read in one pass over its bytes. */
    static String bodyHash(byte[] message, int from) {
        byte[] canonical = new byte[message.length - from + 2];
        int length = 0;
        int emptyLines = 0;
        int lineStart = from;
        while (lineStart < message.length) {
            int end = lineStart;
            while (end < message.length && !(message[end] == '\r' && end + 1 < message.length && message[end + 1] == '\n')) {
                end++;
            }
            int lineLength = 0;
            boolean blank = false;
            int mark = length + emptyLines * 2;
            if (canonical.length < mark + (end - lineStart) + 2) {
                canonical = java.util.Arrays.copyOf(canonical, Math.max(canonical.length * 2, mark + (end - lineStart) + 2));
            }
            for (int i = lineStart; i < end; i++) {
                byte b = message[i];
                if (b == ' ' || b == '\t') {
                    blank = true;
                } else {
                    if (blank) {
                        canonical[mark + lineLength++] = ' ';
                    }
                    blank = false;
                    canonical[mark + lineLength++] = b;
                }
            }
            if (lineLength == 0) {
                emptyLines++;
            } else {
                for (int i = 0; i < emptyLines; i++) {
                    canonical[length++] = '\r';
                    canonical[length++] = '\n';
                }
                emptyLines = 0;
                length += lineLength;
                canonical[length++] = '\r';
                canonical[length++] = '\n';
            }
            lineStart = end + 2;
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(canonical, 0, length);
            return Base64.getEncoder().encodeToString(sha256.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One tag a line, the signature in lines of 72; relaxed canonicalization reads it as it was signed. */
    private static String fold(String value) {
        int b = value.indexOf("; b=") + 4;
        StringBuilder folded = new StringBuilder(value.substring(0, b).replace("; ", ";\r\n\t"));
        String signature = value.substring(b);
        for (int i = 0; i < signature.length(); i += 72) {
            folded.append(i == 0 ? "" : "\r\n\t").append(signature, i, Math.min(signature.length(), i + 72));
        }
        return folded.toString();
    }
}
