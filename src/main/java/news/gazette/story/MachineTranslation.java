package news.gazette.story;

/**
 * A machine-translation service that suggests a translation. Gazette has one adapter, for a self-hosted LibreTranslate
 * server ({@link LibreTranslate}); none is used unless one is configured.
 */
public interface MachineTranslation {

    /** Whether a provider is configured; without one the newsroom offers no machine suggestion. */
    boolean enabled();

    /**
     * The text in the target language.
     *
     * @param html whether the text is HTML whose markup must be kept
     * @throws Failed when the provider cannot be reached, answers with an error or takes too long
     */
    String translate(String text, String from, String to, boolean html);

    /** The provider did not give a translation. */
    class Failed extends RuntimeException {
        public Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
