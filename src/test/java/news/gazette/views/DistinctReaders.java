package news.gazette.views;

/**
 * Addresses for tests that simulate many readers: the n-th reader's own address in 10.0.0.0/8, to be sent as
 * {@code X-Forwarded-For} through the loopback proxy the tests' default {@code gazette.proxies.trusted} believes.
 * Views are counted per address (a few user agents each at most), so distinct readers need distinct addresses.
 */
public final class DistinctReaders {

    private DistinctReaders() {
    }

    /** The n-th reader's address (n below 16,777,216). */
    public static String address(int n) {
        if (n < 0 || n >= 1 << 24) {
            throw new IllegalArgumentException("reader " + n + " has no address in 10.0.0.0/8");
        }
        return "10." + (n >> 16) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }
}
