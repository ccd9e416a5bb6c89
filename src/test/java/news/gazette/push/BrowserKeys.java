package news.gazette.push;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * What a browser holds for one push subscription (a P-256 key pair and a 16-byte auth secret), and the decryption a
 * browser does of what arrives (RFC 8291, {@code aes128gcm} of RFC 8188), written from the RFCs with BouncyCastle's
 * low-level EC, HKDF and GCM classes: an implementation independent of the JDK code under test.
 */
final class BrowserKeys {

    static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(),
            CURVE.getH());
    private static final SecureRandom RANDOM = new SecureRandom();

    final ECPrivateKeyParameters privateKey;
    final byte[] publicPoint;
    final byte[] auth = new byte[16];

    BrowserKeys() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        this.privateKey = (ECPrivateKeyParameters) pair.getPrivate();
        this.publicPoint = ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false);
        RANDOM.nextBytes(auth);
    }

    String p256dh() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(publicPoint);
    }

    String authSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(auth);
    }

    /** The plaintext of an {@code aes128gcm} body of one record, as RFC 8291 section 3 derives its key and nonce. */
    byte[] decrypt(byte[] body) throws Exception {
        byte[] salt = Arrays.copyOfRange(body, 0, 16);
        int recordSize = new BigInteger(1, Arrays.copyOfRange(body, 16, 20)).intValue();
        int idLength = body[20] & 0xff;
        if (idLength != 65) {
            throw new IllegalArgumentException("keyid must be the sender's 65-byte point, was " + idLength);
        }
        byte[] senderPoint = Arrays.copyOfRange(body, 21, 21 + idLength);
        byte[] record = Arrays.copyOfRange(body, 21 + idLength, body.length);
        if (record.length > recordSize) {
            throw new IllegalArgumentException("More than one record");
        }
        ECPublicKeyParameters sender = new ECPublicKeyParameters(CURVE.getCurve().decodePoint(senderPoint), DOMAIN);
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(privateKey);
        byte[] ecdhSecret = fixed(agreement.calculateAgreement(sender), 32);

        byte[] keyInfo = concat("WebPush: info\0".getBytes("US-ASCII"), publicPoint, senderPoint);
        byte[] ikm = hkdf(auth, ecdhSecret, keyInfo, 32);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes("US-ASCII"), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes("US-ASCII"), 12);

        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(false, new AEADParameters(new KeyParameter(cek), 128, nonce));
        byte[] padded = new byte[gcm.getOutputSize(record.length)];
        int length = gcm.processBytes(record, 0, record.length, padded, 0);
        length += gcm.doFinal(padded, length);
        int end = length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalArgumentException("The last record must end with the delimiter 2");
        }
        return Arrays.copyOf(padded, end);
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    static byte[] fixed(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
