package news.gazette.api;

/**
 * The paths of API v1. Clients of v1 rely on them: a change that breaks them is v2, beside v1.
 */
final class ApiPaths {

    static final String V1 = "/api/v1";

    private ApiPaths() {
    }

    static String editions() {
        return V1 + "/editions";
    }

    static String sections(String edition) {
        return V1 + "/editions/" + edition + "/sections";
    }

    static String authors(String edition) {
        return V1 + "/editions/" + edition + "/authors";
    }

    static String tags(String edition) {
        return V1 + "/editions/" + edition + "/tags";
    }

    static String stories(String edition) {
        return V1 + "/stories?edition=" + edition;
    }

    static String story(long id) {
        return V1 + "/stories/" + id;
    }
}
