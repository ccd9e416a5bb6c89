package news.gazette.story;

/**
 * A story the editor sent cannot be stored as it is; {@link #field()} names what is wrong, for the message.
 */
public class InvalidStoryException extends RuntimeException {

    private final String field;

    public InvalidStoryException(String field) {
        super("Invalid story field: " + field, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
