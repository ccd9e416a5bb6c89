package news.gazette.push;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188), with the JDK's
 * primitives: a fresh P-256 key pair per message, ECDH with the browser's key, HKDF-SHA-256 mixing in the browser's
 * auth secret, then one AES-128-GCM record of at most 4096 bytes whose header carries the salt, the record size and
 * the sender's public key.
 */
final class PushEncryption {

    static final int RECORD_SIZE = 4096;
    /** The most plaintext one record can carry: the record less the GCM tag and the delimiter. */
    static final int MAX_PLAINTEXT = RECORD_SIZE - 16 - 1;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] KEY_INFO = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);

    private PushEncryption() {
    }

    /** The request body for a browser whose keys are {@code p256dh} (65-byte point) and {@code auth} (16 bytes). */
    static byte[] encrypt(byte[] plaintext, byte[] p256dh, byte[] auth) throws GeneralSecurityException {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new GeneralSecurityException("Message too long for one record: " + plaintext.length);
        }
        ECPublicKey browser = EcKeys.publicKey(p256dh);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(EcKeys.P256, RANDOM);
        KeyPair ours = generator.generateKeyPair();
        byte[] ourPoint = EcKeys.uncompressed((ECPublicKey) ours.getPublic());

        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(ours.getPrivate());
        agreement.doPhase(browser, true);
        byte[] shared = agreement.generateSecret();

        // RFC 8291 section 3.4: IKM from the shared secret and the auth secret, bound to both public keys.
        byte[] prkKey = hmac(auth, shared);
        byte[] ikm = hmac(prkKey, concat(KEY_INFO, p256dh, ourPoint, new byte[]{1}));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, concat(CEK_INFO, new byte[]{1})), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, concat(NONCE_INFO, new byte[]{1})), 12);

        // One record, the last: the plaintext followed by the delimiter 0x02 and no padding.
        byte[] padded = Arrays.copyOf(plaintext, plaintext.length + 1);
        padded[plaintext.length] = 2;
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = gcm.doFinal(padded);

        ByteBuffer body = ByteBuffer.allocate(16 + 4 + 1 + ourPoint.length + sealed.length);
        body.put(salt).putInt(RECORD_SIZE).put((byte) ourPoint.length).put(ourPoint).put(sealed);
        return body.array();
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
